"""The public surface is explicit: everything in __all__ exists, nothing private leaks."""
import newsgraph


def test_all_members_exist():
    for name in newsgraph.__all__:
        assert hasattr(newsgraph, name), name


def test_no_private_names_exported():
    assert not [n for n in newsgraph.__all__ if n.startswith("_") and n != "__version__"]
