"""Names of the policy's things in Chinese and English: line ids, units, statuses, areas, jobs.

The one catalogue the command line and the window both read, so a name is translated once.
"""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    # line ids
    "birth_subsidy": ("一次性生育补助", "One-time birth subsidy"),
    "childcare_subsidy": ("国家育儿补贴", "National childcare subsidy"),
    "tax_deduction": ("个税专项附加扣除", "Income-tax deduction"),
    "tax_saved": ("少缴个税", "Income tax saved"),
    "maternity_allowance": ("生育津贴", "Maternity allowance"),
    "maternity_leave": ("产假", "Maternity leave"),
    "paternity_leave": ("护理假", "Paternity leave"),
    "parental_leave": ("育儿假", "Parental leave"),
    "provident_fund_uplift": ("公积金贷款额度上浮", "Provident-fund loan uplift"),
    "provident_fund_interest_saved": ("公积金贷款少付利息", "Interest saved on the extra loan"),
    "home_purchase_subsidy": ("购房补贴", "Home-purchase subsidy"),
    "training_subsidy": ("就业技能培训补贴", "Training subsidy"),
    "training_allowance": ("培训期间生活补助", "Training living allowance"),
    "childcare_enrolment_subsidy": ("入托补助", "Childcare enrolment help"),
    "after_school_fee_waiver": ("免除课后服务费", "After-school fee waiver"),
    "preschool_fee_waiver": ("学前一年免保教费", "Free final preschool year"),
    "entitlement": ("服务与权益", "Service or right"),
    # categories
    "cash": ("现金补贴", "Cash subsidies"),
    "tax": ("个税", "Income tax"),
    "leave": ("假期", "Leave"),
    "housing": ("住房", "Housing"),
    "training_fees": ("培训与费用", "Training and fees"),
    "services": ("服务与权益", "Services and rights"),
    # units
    "unit_yuan": ("元", "yuan"),
    "unit_days": ("天", "days"),
    "unit_loan_yuan": ("元（可贷额度）", "yuan of loan"),
    "unit_deduction_yuan": ("元（扣除额）", "yuan deducted"),
    "unit_entitlement": ("权益", "entitlement"),
    # statuses
    "status_verified": ("已核实", "verified"),
    "status_secondary": ("二手来源", "secondary source"),
    "status_assumed": ("假设", "assumed"),
    "status_unpublished": ("金额未公布", "amount set by local notice"),
    "status_local": ("当地录入", "locally entered"),
    # people
    "mother": ("母亲", "mother"),
    "father": ("父亲", "father"),
    # areas
    "longzihu": ("龙子湖区", "Longzihu District"),
    "bengshan": ("蚌山区", "Bengshan District"),
    "yuhui": ("禹会区", "Yuhui District"),
    "huaishang": ("淮上区", "Huaishang District"),
    "huaiyuan": ("怀远县", "Huaiyuan County"),
    "wuhe": ("五河县", "Wuhe County"),
    "guzhen": ("固镇县", "Guzhen County"),
    "outside": ("非蚌埠户籍", "Not Bengbu"),
    "city": ("蚌埠市级财政", "Bengbu city"),
    "employer": ("用人单位", "Employer"),
    "national": ("育儿补贴资金", "Childcare subsidy fund"),
    "maternity_insurance": ("生育保险基金", "Maternity insurance fund"),
    "employment_fund": ("就业补助资金", "Employment fund"),
    # employers
    "state_organ": ("国家机关", "State organ"),
    "public_institution": ("事业单位", "Public institution"),
    "soe": ("国有企业", "State-owned enterprise"),
    "private": ("其他企业/单位", "Private or other employer"),
    "flexible": ("灵活就业", "Flexible work"),
    "none": ("无工作", "Not working"),
    # insurance
    "employee": ("职工医保（含生育保险）", "Employee insurance (with maternity)"),
    "flexible_employee": ("灵活就业人员参加职工医保", "Employee insurance as a flexible worker"),
    "resident": ("城乡居民医保", "Resident insurance"),
    "insurance_none": ("未参保", "Not insured"),
    # tax split
    "split_best": ("自动选择最省税", "Best for the family"),
    "split_mother": ("母亲扣除100%", "Mother claims 100%"),
    "split_father": ("父亲扣除100%", "Father claims 100%"),
    "split_half": ("父母各扣除50%", "Each parent 50%"),
    # totals and table
    "money_received": ("领取的钱款合计", "Money received"),
    "interest_saved": ("少付利息", "Interest saved"),
    "loan_capacity": ("可多贷额度", "Extra loan capacity"),
    "leave_days": ("假期天数", "Leave days"),
    "amounts_to_enter": ("待当地录入的金额", "Amounts to enter locally"),
    "amount_unknown": ("待定", "to be set"),
    "as_of": ("测算日期", "As of"),
    "policy_pack_date": ("政策包日期", "Policy pack date"),
    "col_year": ("年份", "Year"),
    "col_line": ("项目", "Item"),
    "col_child": ("孩次", "Child"),
    "col_parent": ("父/母", "Parent"),
    "col_amount": ("金额/天数", "Amount"),
    "col_unit": ("单位", "Unit"),
    "col_source": ("依据", "Source"),
    "col_status": ("状态", "Status"),
}


def label(key: str, lang: str) -> str:
    pair = LABELS.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "zh" else pair[1]


def status_label(status: str, lang: str) -> str:
    return label("status_" + status, lang)
