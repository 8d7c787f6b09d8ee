"""The core: loading a policy into a Document, findings, the schema, and plain helpers.

Nothing here imports git, click or any other layer of the package.
"""
