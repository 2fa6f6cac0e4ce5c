"""Help in place: what a field is about and the proof ISA expects for it, in plain words, from the rule data
(the same labels and documents the checklist PDF prints). Shown as a column's tooltip and with F1."""

from __future__ import annotations

from hsp_wizard.i18n import _


def rows_help(row_ids: tuple[str, ...]) -> str:
    """'What counts' and 'Proof ISA expects' for the point rows (and rules) a field feeds; '' for none."""
    if not row_ids:
        return ""
    from hsp_wizard.presentation import Renderer
    r = Renderer()
    rules = r.rules
    labels, docs = [], []
    for row_id in row_ids:
        row = rules.rows.get(row_id)
        if row is None and row_id not in rules.rules:
            continue
        label = r.rule_label(row_id)  # without the point sheet's bonus number
        if label not in labels:
            labels.append(label)
        for ev in (row.evidence if row is not None else ()):  # a rule that is not a point row names no proof
            d = rules.documents.get(ev)
            if d is None:
                continue
            name = d.official_ja if r.lang == "ja" else r.tr(d.label)
            if name not in docs:
                docs.append(name)
    if not labels:
        return ""
    lines = [_("What counts:")] + [f"• {x}" for x in labels]
    if docs:
        lines += [_("Proof ISA expects:")] + [f"• {x}" for x in docs]
    return "\n".join(lines)
