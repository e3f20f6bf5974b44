"""The Reports screen (docs/kpis.md): KPIs and charts for a period, drill-down into the
incidents behind a figure, export to CSV, XLSX and PDF, and printing."""
