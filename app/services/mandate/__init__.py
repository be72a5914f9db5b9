"""The creditor's mandate: limits per creditor, batch and case, and approvals outside it."""
