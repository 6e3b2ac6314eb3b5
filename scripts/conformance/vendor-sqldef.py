#!/usr/bin/env python3
"""Vendors sqldef's test cases as conformance cases (conformance/suites/README.md): one folder per case.

    python3 scripts/conformance/vendor-sqldef.py <sqldef checkout> psqldef conformance/suites/psqldef

Each YAML test file `cmd/<tool>/<stem>.yml` of the checkout becomes a group `<stem>`; each of its cases a folder with
`from.sql` (the case's `current`, empty when absent), `to.sql` (`desired`), `expected-upstream.sql` (`up`, when given)
and `meta.json` (name, tool, source file, commit, and every other key of the case as upstream wrote it: `up`, `down`,
`error`, `min_version`, `max_version`, `flavor`, `enable_drop`...). The same layout as the vendored sqlite3def cases.
Needs PyYAML and git.
"""
import json
import os
import subprocess
import sys

import yaml


def main(checkout: str, tool: str, out: str) -> None:
    commit = subprocess.check_output(['git', '-C', checkout, 'rev-parse', 'HEAD'], text=True).strip()
    listing = subprocess.check_output(['git', '-C', checkout, 'ls-tree', '-r', '--name-only', 'HEAD', f'cmd/{tool}'], text=True)
    files = sorted(f for f in listing.split() if os.path.basename(f).startswith('tests') and f.endswith('.yml'))
    total = 0
    for source in files:
        text = subprocess.check_output(['git', '-C', checkout, 'show', f'HEAD:{source}'], text=True)
        cases = yaml.safe_load(text) or {}
        group = os.path.splitext(os.path.basename(source))[0]
        for name, case in cases.items():
            case = case or {}
            folder = os.path.join(out, group, name)
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, 'from.sql'), 'w') as f:
                f.write(case.get('current') or '')
            with open(os.path.join(folder, 'to.sql'), 'w') as f:
                f.write(case.get('desired') or '')
            if case.get('up') is not None:
                with open(os.path.join(folder, 'expected-upstream.sql'), 'w') as f:
                    f.write(case['up'])
            meta = {'name': name, 'tool': tool, 'source_file': source, 'commit': commit}
            meta.update({k: v for k, v in case.items() if k not in ('current', 'desired')})
            with open(os.path.join(folder, 'meta.json'), 'w') as f:
                f.write(json.dumps(meta, indent=2, ensure_ascii=False))
            total += 1
    print(f'{total} cases from {len(files)} files of {tool} @{commit[:7]} into {out}')


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3])
