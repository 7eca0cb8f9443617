"""Dual-use supply since 2022 (being written)."""

from dashboard import ui

ui.page_header("Dual-use supply since 2022", "China's supply of chips, chip-making equipment, critical minerals and nitrocellulose to Russia.")
