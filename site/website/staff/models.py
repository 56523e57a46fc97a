"""No models of its own: staff use Django's users and groups.

The module exists because Django sends post_migrate only to apps with a models module, and
the staff groups are synced on post_migrate (see apps.py).
"""
