"""citeproc-py, made cheap for formatting one reference at a time with a style that never
changes (written for citeproc-py 0.11.1; tests/unit/test_csl_engine.py checks every change
here against citeproc-py's own results).

A full build formats one APA reference per post, and citeproc-py interprets the style's
XML for each: it was the largest single cost of a build (about 15 % of it). Two things make
it cheaper without changing a character of what it writes:

- :func:`specialize` removes, from a style parsed for one item type, the ``choose``
  branches that test the item's type alone and so are decided before any item is seen
  (APA tests the type alone in 99 of its 245 conditions).
- :func:`remember_style_lookups`: the answers citeproc-py looks up again at every use
  (a macro, a term, an option, an element's root) depend on the style alone, so each
  element keeps its own.
"""

from __future__ import annotations

import functools
from typing import Any

CSL = "{http://purl.org/net/xbiblio/csl}"
# The attributes of an ``if`` or ``else-if`` that are not tests.
NOT_TESTS = frozenset({"match"})


def type_condition(branch, item_type: str) -> bool | None:
    """Whether a ``choose`` branch is taken for an item of ``item_type``, when its condition
    tests the type alone; None when it tests anything else (or nothing: an ``else``).

    As CSL 1.0.2 and citeproc-py evaluate it: each type listed is one test, and ``match``
    (all, by default; any; none) combines the tests."""
    if branch.tag not in (CSL + "if", CSL + "else-if") or set(branch.attrib) - NOT_TESTS != {"type"}:
        return None
    tests = [listed.lower() == item_type for listed in branch.get("type").split()]
    match = branch.get("match", "all")
    if match == "any":
        return any(tests)
    if match == "none":
        return not any(tests)
    return all(tests)


def specialize(root, item_type: str) -> int:
    """Remove from the style under ``root`` (an lxml element) every ``choose`` branch that an
    item of ``item_type`` can never take: a branch whose type test fails, and every branch
    after one whose type test passes (which then becomes unconditional). Returns how many
    branches were removed."""
    removed = 0
    for choose in list(root.iter(CSL + "choose")):
        decided = False
        for branch in list(choose):
            taken = None if decided else type_condition(branch, item_type)
            if decided or taken is False:
                choose.remove(branch)
                removed += 1
            elif taken:
                for name in ("type", *NOT_TESTS):
                    branch.attrib.pop(name, None)
                decided = True
    return removed


@functools.lru_cache(maxsize=None)
def style_for(path: str, item_type: str):
    """The CSL style at ``path``, parsed once, for items of ``item_type`` only."""
    from citeproc import CitationStylesStyle

    remember_style_lookups()
    style = CitationStylesStyle(path, validate=False)
    specialize(style.root, item_type)
    return style


# citeproc-py's methods whose answers depend on the element and the style alone (the
# element's root, and through it the style's macros, terms, options and locales), never on
# the item being formatted; the style is never changed once parsed and specialized.
STATIC_LOOKUPS = ("xpath_search", "get_root", "get_macro", "get_layout", "get_term", "get_date",
                  "get_locale_option")


def remember_style_lookups() -> None:
    """Each style element keeps its answers to :data:`STATIC_LOOKUPS` and to
    ``calls_variable`` (whether its subtree calls a variable); a cited item keeps its
    reference. Without them, an APA reference made 100 XPath queries and walked the same
    subtrees again and again. (The memo also keeps lxml's element proxies alive, which
    citeproc-py's own state on them relies on anyway.)"""
    from citeproc import model, source

    if getattr(model.CitationStylesElement.get_root, "remembers", False):
        return
    answers: dict[tuple[Any, ...], Any] = {}

    def remembered(name, method):
        def remembered_method(element, *args, **options):
            key = (name, element, *args, *options.items()) if options else (name, element, *args)
            try:
                return answers[key]
            except KeyError:
                found = answers[key] = method(element, *args, **options)
                return found

        remembered_method.remembers = True  # type: ignore[attr-defined]
        remembered_method.__wrapped__ = method  # type: ignore[attr-defined]
        return remembered_method

    for name in STATIC_LOOKUPS:
        setattr(model.CitationStylesElement, name, remembered(name, vars(model.CitationStylesElement)[name]))
    for cls in vars(model).values():
        if isinstance(cls, type) and "calls_variable" in vars(cls):
            cls.calls_variable = remembered("calls_variable", vars(cls)["calls_variable"])

    # The formatter is set on the style's root for each bibliography, so it is read each
    # time, from the element that holds it (the style, also for a locale's elements), which
    # is remembered.
    original_get_formatter = model.CitationStylesElement.get_formatter

    def formatter_holder(element):
        root = element.get_root()
        return root.style if isinstance(root, model.Locale) else root

    holder = remembered("formatter_holder", formatter_holder)

    def get_formatter(element):
        return holder(element).formatter

    get_formatter.remembers = True  # type: ignore[attr-defined]
    get_formatter.__wrapped__ = original_get_formatter  # type: ignore[attr-defined]
    model.CitationStylesElement.get_formatter = get_formatter

    # A cited item finds its reference through three properties at each of its 255 uses in an
    # APA entry; the item keeps its answer, which depends on its key and its bibliography's
    # source alone, both set once.
    original = source.CitationItem.reference

    def reference(item):
        try:
            return item.__dict__["_ppblog_reference"]
        except KeyError:
            found = item.__dict__["_ppblog_reference"] = original.fget(item)
            return found

    reference.remembers = True  # type: ignore[attr-defined]
    source.CitationItem.reference = property(reference)
    source.CitationItem.reference.fget.__wrapped__ = original  # type: ignore[attr-defined]


def remembering_methods() -> list[tuple[type, str]]:
    """The (class, method name) pairs that :func:`remember_style_lookups` replaced, for the
    tests that compare with citeproc-py's own methods."""
    from citeproc import model

    return [(cls, name) for cls in vars(model).values() if isinstance(cls, type)
            for name, method in vars(cls).items() if getattr(method, "remembers", False)]
