from usul.accounts.tests.scene import as_user, scene  # noqa: F401  (fixtures)
