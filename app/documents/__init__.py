"""PDF documents: reportlab templates, fonts, QR codes, signatures."""
