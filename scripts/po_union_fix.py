"""After a union merge of .po files (.gitattributes): put back a msgstr "" where two appended blocks
shared their last line (git keeps one copy of a line both sides added at the same place).

    python3 scripts/po_union_fix.py locale/*/LC_MESSAGES/django.po && msgfmt --check ...
"""

import sys

for p in sys.argv[1:]:
    lines = open(p, encoding="utf-8").read().split("\n")
    out = []
    state = None  # 'id' after msgid(+continuations), 'plural' after msgid_plural
    for line in lines:
        starts_entry = line.startswith("#") or line.startswith("msgid ") or line == ""
        if state and starts_entry and not line.startswith("msgid_plural"):
            if state == "id":
                out.append('msgstr ""')
            else:
                out.append('msgstr[0] ""')
                out.append('msgstr[1] ""')
            state = None
        if line.startswith("msgid_plural"):
            state = "plural"
        elif line.startswith("msgid "):
            state = "id"
        elif line.startswith("msgstr"):
            state = None
        out.append(line)
    open(p, "w", encoding="utf-8").write("\n".join(out))
