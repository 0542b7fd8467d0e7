"""Compare: across articles and outlets (shared claims, omissions and exclusives, key
findings)."""
