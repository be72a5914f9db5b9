"""`python -m app <command>`: argparse commands over the services. Never imports Qt."""
