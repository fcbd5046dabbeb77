"""The project's tests: a package, so that tests/letter_py is tests.letter_py and can never
pass for the real letter_py package, and helpers import by their full names."""
