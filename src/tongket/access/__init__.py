"""Who may see and change what: roles of users over units, checked on the server."""
