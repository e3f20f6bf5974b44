"""Reports on how well the desk works (docs/kpis.md): volumes, backlog, targets, times,
first-contact resolution, transfers, escalations, pending, satisfaction and per person,
over a period and filters, with the incidents behind every figure (drill-down)."""
