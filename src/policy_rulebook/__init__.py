"""rulebook: policy-as-code for an organisation's social-media policy."""

__version__ = "0.1.0"
