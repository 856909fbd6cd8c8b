"""Walk the accessible tree of one running application over AT-SPI, as a screen reader (Orca) sees it, and print it
as JSON lines: {"path", "role", "name", "description", "states", "labelled_by"}. Run with the system Python (pyatspi is a Debian
package, python3-pyatspi): ``python3 walk_atspi.py PID [SECONDS]``."""

import json
import sys
import time

import pyatspi


def find_app(pid: int, wait: float):
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == pid and app.childCount:
                    return app
            except Exception:  # an application going away while we look
                continue
        time.sleep(0.3)
    return None


def walk(node, path, out, depth=0):
    if node is None or depth > 60:
        return
    try:
        states = [pyatspi.stateToString(s) for s in node.getState().getStates()]
        labels = []
        for relation in node.getRelationSet():
            if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
                labels += [relation.getTarget(i).name or "" for i in range(relation.getNTargets())]
        out.append({"path": path, "role": node.getRoleName(), "name": node.name or "",
                    "description": node.description or "", "states": states, "labelled_by": " ".join(labels)})
        for i in range(min(node.childCount, 400)):
            walk(node.getChildAtIndex(i), f"{path}/{i}", out, depth + 1)
    except Exception as e:  # a node gone stale: say so rather than hide it
        out.append({"path": path, "role": "?", "name": "", "description": str(e), "states": []})


def main() -> int:
    pid = int(sys.argv[1])
    app = find_app(pid, float(sys.argv[2]) if len(sys.argv) > 2 else 20)
    if app is None:
        print(json.dumps({"error": f"no accessible application with pid {pid}"}))
        return 3
    out = []
    walk(app, "app", out)
    for node in out:
        print(json.dumps(node, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
