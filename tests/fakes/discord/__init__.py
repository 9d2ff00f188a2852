"""A fake Discord on loopback: ``driver.FakeDiscord`` is what tests use."""
