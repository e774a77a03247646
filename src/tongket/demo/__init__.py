"""Demo data: the five seed wards with their targets and results, and demo logins."""
