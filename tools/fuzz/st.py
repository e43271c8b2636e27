"""The schemathesis command line (`st`), run by tools/fuzz/schemathesis.sh.

One workaround first. CPython 3.11 (Debian 12's python3, and pyenv's 3.11.7 here) can fail
`ast.parse` with "SystemError: AST constructor recursion depth mismatch" when it is
called deep in the stack. Hypothesis parses source files that way only to print a
lambda in a strategy's description, and the error then aborts a whole operation's test
as a "Runtime Error". A description that could not be made is "<unknown>" to Hypothesis
anyway, so this says that instead of failing. Newer CPython releases do not need it.
"""

import sys

from hypothesis.internal import lambda_sources

_describe = lambda_sources._lambda_description


def _describe_or_unknown(f, *args, **kwargs):
    try:
        return _describe(f, *args, **kwargs)
    except SystemError:
        return "lambda: <unknown>"


lambda_sources._lambda_description = _describe_or_unknown

from schemathesis.cli import schemathesis  # noqa: E402  (after the workaround)

sys.exit(schemathesis())
