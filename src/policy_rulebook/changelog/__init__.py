"""Versions of a rulebook from git, their semantic diff, and announcements for staff and legal."""
