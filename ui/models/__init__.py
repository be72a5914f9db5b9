"""Qt table models over lists of plain data."""
