"""Small widgets and helpers the forms share: inline errors, badges, combos, table models."""
