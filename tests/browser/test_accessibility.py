"""Accessibility of the real site in Chromium, as docs/accessibility.md promises it (WCAG 2.2 AA).

Every kind of page is scanned by axe-core in light and dark mode; the rest is measured in the
browser the way an auditor checks it by hand: the keyboard walked stop by stop in light, dark,
forced-colours and reduced-motion contexts and at 200 % and 400 % zoom (640 and 320 px wide
windows), target sizes and link contrast computed from the rendered boxes and colours, and the
names screen readers get read from Chromium's accessibility tree. Every check waits for a
settled page (tests/chromium.py: loaded, fonts in, no transition running), never for a time.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path

import pytest
from chromium import axe_violations, read_results, serve, wait_until_settled
from playwright.sync_api import expect

from conftest import REPO
from pp_blog.model import frontmatter as fm
from pp_blog.model.drafts import is_draft
from pp_blog.model.text import format_date



def front_matter(path: Path) -> dict:
    return fm.parse_front_matter(path.read_text(encoding="utf-8")).data


def published_posts() -> dict[str, dict]:
    """Front matter of every published post, by docname."""
    posts = {}
    for path in sorted(REPO.glob("posts/*/*.md")):
        data = front_matter(path)
        if path.name != "index.md" and not is_draft(data, dt.date.today()):
            posts[path.relative_to(REPO).with_suffix("").as_posix()] = data
    return posts


POSTS = published_posts()
SERIES_POST = "posts/co-creation-special-issue/blog-6-strategic-management"
POST = f"{SERIES_POST}.html"
YEARS = sorted({str(data["date"])[:4] for data in POSTS.values()})

# Every kind of page the site has: ABlog's generated pages, search with results, each guide.
PAGES = {
    "front": "index.html",
    "collection": "posts/co-creation-special-issue/index.html",
    "post": POST,
    "archive": "blog/archive.html",
    "year": f"blog/{YEARS[0]}.html",
    "all posts": "blog.html",
    "tags": "blog/tag.html",
    "tag": "blog/tag/public-value.html",
    "authors": "blog/author.html",
    "author": "blog/author/ewan-ferlie.html",
    "categories": "blog/category.html",
    "category": "blog/category/highlights-collection.html",
    "search": "search.html?q=public+value",
    **{f"docs/{path.stem}": f"docs/{path.stem}.html" for path in sorted((REPO / "docs").glob("*.md"))},
}
# Pages the keyboard and target-size checks walk: one of each layout.
LAYOUTS = {kind: PAGES[kind] for kind in ("front", "collection", "post", "archive", "tag", "search", "docs/printing")}

WIDE = {"width": 1280, "height": 1024}
# A 1280 x 1024 window at 200 % and 400 % zoom: what WCAG 1.4.4 and 1.4.10 (reflow) ask for.
MODES = {
    "light": {"color_scheme": "light"},
    "dark": {"color_scheme": "dark"},
    "forced-colours": {"forced_colors": "active"},
    "reduced-motion": {"reduced_motion": "reduce"},
    "zoom-200": {"viewport": {"width": 640, "height": 512}},
    "zoom-400": {"viewport": {"width": 320, "height": 256}},
}


@pytest.fixture(scope="session")
def base_url(site):
    with serve(site.outdir) as url:
        yield url


@pytest.fixture
def open_page(browser, base_url):
    """Opens a path in a fresh browser context with the given options, on the settled page;
    any uncaught JavaScript error fails the test."""
    contexts = []
    errors: list[str] = []

    def open_(path: str, init_script: str | None = None, **options):
        options.setdefault("viewport", WIDE)
        context = browser.new_context(**options)
        contexts.append(context)
        if init_script:
            context.add_init_script(init_script)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(base_url + path)
        if path.startswith("search.html"):
            read_results(page)
        wait_until_settled(page)
        return page

    yield open_
    for context in contexts:
        context.close()
    assert not errors, errors


# --- colour arithmetic (WCAG 2.2, "relative luminance" and "contrast ratio") --------------------


def parse_colour(css: str) -> tuple[float, float, float, float]:
    match = re.fullmatch(r"rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)", css.strip())
    assert match, f"cannot read the colour {css!r}"
    red, green, blue, alpha = match.groups()
    return float(red), float(green), float(blue), float(alpha) if alpha is not None else 1.0


def over(top: str | tuple, bottom: tuple) -> tuple[float, float, float, float]:
    """``top`` composited over the opaque ``bottom``."""
    red, green, blue, alpha = parse_colour(top) if isinstance(top, str) else top
    return (*(alpha * c + (1 - alpha) * b for c, b in zip((red, green, blue), bottom[:3])), 1.0)


def luminance(colour: tuple) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in colour[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: tuple, other: tuple) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_arithmetic_matches_wcag_examples():
    white, black = (255, 255, 255, 1), (0, 0, 0, 1)
    assert contrast(white, black) == pytest.approx(21)
    assert contrast(white, parse_colour("rgb(118, 118, 118)")) == pytest.approx(4.54, abs=0.01)
    assert over("rgba(0, 0, 0, 0.5)", white)[:3] == (127.5, 127.5, 127.5)


# The colour behind an element: its own and its ancestors' backgrounds, composited from the
# first opaque one upwards (a background image, which has no single colour, is reported).
BACKGROUND_JS = """
window.ppBackground = (element) => {
    const layers = [];
    for (let node = element; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.backgroundImage !== "none") return {image: true, layers};
        const colour = style.backgroundColor;
        if (colour !== "rgba(0, 0, 0, 0)" && colour !== "transparent") layers.push(colour);
        if (/^rgb\\(/.test(colour)) break;
    }
    return {image: false, layers};
};
"""


def background_of(found: dict) -> tuple:
    assert not found["image"], "text over a background image: its contrast cannot be computed"
    colour = (255, 255, 255, 1.0)  # the canvas, behind everything
    for layer in reversed(found["layers"]):
        colour = over(layer, colour)
    return colour


# --- axe-core ----------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_wcag_a_or_aa_violation_of_any_impact_and_no_best_practice_finding(open_page, path, scheme):
    """axe-core on each kind of page, in the theme's light and dark modes (it follows the
    system's): its WCAG 2.0, 2.1 and 2.2 A and AA rules, then its best-practice rules, of which
    docs/accessibility.md accepts none."""
    page = open_page(path, color_scheme=scheme)
    assert page.evaluate("document.documentElement.dataset.theme") == scheme
    assert axe_violations(page) == []
    assert axe_violations(page, ("best-practice",)) == []


# --- keyboard ----------------------------------------------------------------------------------

# Marks every element a keyboard user should be able to reach (focusable, shown, not inside a
# closed dialog or inert content) with data-pp-control, and returns their keys.
MARK_CONTROLS_JS = """
() => {
    const candidates = document.querySelectorAll(
        "a[href], button, input, select, textarea, summary, [tabindex]");
    const keys = [];
    candidates.forEach((element, index) => {
        element.dataset.ppControl = String(index);
        const ring = window.ppRing(element);
        const shown = ring.checkVisibility({visibilityProperty: true, opacityProperty: true})
            && [...ring.getClientRects()].some((r) => r.width > 0 && r.height > 0);
        if (element.tabIndex >= 0 && !element.disabled && shown
            && !element.closest("dialog:not([open]), [inert], [aria-hidden=true]")) keys.push(String(index));
    });
    return keys;
}
"""

# The element that shows focus: the sidebar's expand/collapse <summary> has an empty box of its
# own and rings its chevron (pp-a11y.css); every other control rings itself.
RING_JS = """
window.ppRing = (element) =>
    element.matches(".bd-sidebar-primary li.has-children > details > summary")
        ? element.querySelector(".toctree-toggle") : element;
"""


# What the contrast of an element's text depends on.
TEXT_JS = """
window.ppText = (element) => {
    const style = getComputedStyle(element);
    return {
        name: element.innerText.trim().slice(0, 50),
        colour: style.color,
        size: parseFloat(style.fontSize),
        bold: parseInt(style.fontWeight, 10) >= 700,
        background: window.ppBackground(element),
    };
};
"""


def install_helpers(page) -> None:
    """Define window.ppRing, window.ppBackground and window.ppText in the page."""
    page.evaluate("() => {" + RING_JS + BACKGROUND_JS + TEXT_JS + "}")

# What a sighted keyboard user sees of the focused element.
FOCUS_JS = """
() => {
    const element = document.activeElement;
    if (!element || element === document.body || element === document.documentElement) return null;
    const ring = window.ppRing(element);
    const rects = [...ring.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    const style = getComputedStyle(ring);
    const describe = (node) => node ? `<${node.tagName.toLowerCase()} class="${node.className}">`
        + (node.innerText || node.getAttribute("aria-label") || node.title || "").trim().slice(0, 50) : "nothing";
    let inViewport = false, obscuredBy = null;
    if (rects.length) {
        const r = rects[0];
        inViewport = r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
        const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
        const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
        const top = document.elementFromPoint(x, y);
        if (top && !element.contains(top) && !top.contains(element)) obscuredBy = describe(top);
    }
    return {
        key: element.dataset.ppControl || null,
        name: describe(element),
        shown: ring.checkVisibility({visibilityProperty: true, opacityProperty: true}) && rects.length > 0,
        inViewport,
        obscuredBy,
        outline: [style.outlineStyle, parseFloat(style.outlineWidth), style.outlineColor],
        background: window.ppBackground(ring.parentElement),
    };
}
"""


def walk_keyboard(page) -> tuple[list[str], list[dict]]:
    """Tab from the top of the page to its end; the controls that should be reachable, and what
    each tab stop looked like once settled."""
    install_helpers(page)
    expected = page.evaluate(MARK_CONTROLS_JS)
    stops: list[dict] = []
    seen: set[str] = set()
    for _ in range(len(expected) + 5):
        page.keyboard.press("Tab")
        wait_until_settled(page)
        stop = page.evaluate(FOCUS_JS)
        if stop is None or (stop["key"] is not None and stop["key"] in seen):
            break
        stops.append(stop)
        seen.add(stop["key"])
    return expected, stops


def focus_problems(stop: dict, forced: bool) -> list[str]:
    problems = []
    if not stop["shown"]:
        problems.append("focus is on something not shown")
    elif not stop["inViewport"]:
        problems.append("focus is outside the window")
    elif stop["obscuredBy"]:
        problems.append(f"focus is hidden behind {stop['obscuredBy']}")
    style, width, colour = stop["outline"]
    if style == "none" or width < 2:
        problems.append(f"no visible focus outline ({style} {width}px)")
    elif not forced:
        # WCAG 1.4.11: the focus indicator against what is around it, 3:1 at least.
        ratio = contrast(parse_colour(colour), background_of(stop["background"]))
        if ratio < 3:
            problems.append(f"focus outline {colour} has only {ratio:.2f}:1 against its background")
    return [f"{stop['name']}: {problem}" for problem in problems]


@pytest.mark.parametrize("mode", MODES, ids=MODES.keys())
@pytest.mark.parametrize("path", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_every_control_is_reached_by_the_keyboard_and_visibly_focused(open_page, path, mode):
    """Tab through the page: every shown control is reached, each shows a focus outline with 3:1
    contrast (in forced-colours mode, one at all: box-shadow rings vanish there), and focus never
    lands on something hidden, off screen or covered (WCAG 2.1.1, 2.4.7, 2.4.11, 1.4.11)."""
    page = open_page(path, **MODES[mode])
    expected, stops = walk_keyboard(page)
    assert stops, "the keyboard reaches nothing"
    problems = [problem for stop in stops for problem in focus_problems(stop, mode == "forced-colours")]
    assert problems == []
    reached = {stop["key"] for stop in stops}
    missed = [key for key in expected if key not in reached]
    names = page.evaluate("(keys) => keys.map((k) => document.querySelector(`[data-pp-control='${k}']`).outerHTML.slice(0, 120))", missed)
    assert names == []


@pytest.mark.parametrize("mode", ["light", "forced-colours", "zoom-200", "zoom-400"])
@pytest.mark.parametrize("path", [p for k, p in LAYOUTS.items() if k != "search"],
                         ids=[k for k in LAYOUTS if k != "search"])
def test_skip_link_is_the_first_tab_stop_and_leads_to_the_content(open_page, path, mode):
    """(The search page puts focus in its search field instead, as a search page should.)"""
    page = open_page(path, **MODES[mode])
    install_helpers(page)
    page.keyboard.press("Tab")
    wait_until_settled(page)
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    stop = page.evaluate(FOCUS_JS)
    assert focus_problems(stop, mode == "forced-colours") == []
    box = skip.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, box
    if mode != "forced-colours":
        assert contrast_problem(page.evaluate("window.ppText(document.activeElement)"), "focused") is None
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main-content"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#main-content') !== null")


SEARCH_BUTTON = "button.search-button__button"


def tab_to(page, selector: str) -> None:
    """Press Tab until a shown element matching ``selector`` has focus, as a keyboard user would."""
    for _ in range(100):
        page.keyboard.press("Tab")
        if page.evaluate(
            "(s) => document.activeElement.matches(s) && document.activeElement.checkVisibility()", selector
        ):
            page.evaluate("document.activeElement.dataset.ppOpener = 'yes'")
            return
    raise AssertionError(f"no tab stop matches {selector}")


@pytest.mark.parametrize("mode", ["light", "dark", "zoom-400"])
def test_search_dialog_opens_is_used_and_closes_from_the_keyboard(open_page, mode):
    page = open_page(POST, **MODES[mode])
    dialog = page.locator("#pst-search-dialog")
    field = dialog.locator("input[name=q]")
    tab_to(page, SEARCH_BUTTON)
    page.keyboard.press("Enter")
    expect(dialog).to_have_attribute("open", "")
    expect(field).to_be_focused()
    page.keyboard.type("public value")
    page.keyboard.press("Escape")
    expect(dialog).not_to_have_attribute("open", "")
    expect(page.locator("[data-pp-opener=yes]")).to_be_focused()
    # Control+K opens it from anywhere, and Escape gives focus back where it was.
    page.keyboard.press("Control+k")
    expect(field).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("[data-pp-opener=yes]")).to_be_focused()
    # And a search is made from the keyboard alone.
    page.keyboard.press("Enter")
    expect(field).to_be_focused()
    page.keyboard.type("lynchpin")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    [result] = read_results(page)
    assert result.title == POSTS["posts/co-creation-special-issue/blog-7-key-themes"]["title"]
    expect(page.get_by_role("status")).to_have_text("Search finished, found one page matching the search query.")


# --- motion ------------------------------------------------------------------------------------

RECORD_MOTION = """
window.ppMotion = [];
for (const type of ["transitionrun", "animationstart"]) {
    document.addEventListener(type, (event) => {
        const target = event.target;
        window.ppMotion.push(`${type} ${event.propertyName || event.animationName} on `
            + `${target.tagName.toLowerCase()}.${[...target.classList].join(".")}`);
    }, true);
}
"""

# Every element's (and pseudo-element's) motion, as computed.
MOTION_JS = """
() => {
    const moving = [];
    for (const element of document.querySelectorAll("*")) {
        for (const pseudo of [null, "::before", "::after"]) {
            const style = getComputedStyle(element, pseudo);
            const durations = style.transitionDuration.split(",").map(parseFloat);
            const what = `${element.tagName.toLowerCase()}.${[...element.classList].join(".")}${pseudo || ""}`;
            if (style.transitionProperty !== "none" && durations.some((d) => d > 0))
                moving.push(`${what} transition ${style.transitionProperty} ${style.transitionDuration}`);
            if (style.animationName !== "none") moving.push(`${what} animation ${style.animationName}`);
            if (style.scrollBehavior === "smooth") moving.push(`${what} smooth scrolling`);
        }
    }
    return moving;
}
"""


def use_the_page(page) -> None:
    """What moves on these pages when used: the colour-mode menu, the search dialog, focus rings."""
    tab_to(page, ".theme-switch-button")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.keyboard.press("Control+k")
    page.keyboard.press("Escape")
    page.get_by_role("link", name="Skip to main content").focus()
    wait_until_settled(page)


@pytest.mark.parametrize("path", [POST, "index.html"], ids=["post", "front"])
def test_reduced_motion_stops_every_transition_animation_and_smooth_scroll(open_page, path):
    page = open_page(path, init_script=RECORD_MOTION, reduced_motion="reduce")
    assert page.evaluate(MOTION_JS) == []
    use_the_page(page)
    assert page.evaluate("window.ppMotion") == []


def test_without_reduced_motion_the_themes_transitions_remain(open_page):
    """The check above can fail: the same page, for a reader who did not ask, has transitions."""
    page = open_page(POST, reduced_motion="no-preference")
    assert any(" transition " in line for line in page.evaluate(MOTION_JS))


# --- target sizes (WCAG 2.5.8) -----------------------------------------------------------------

# Every shown control with its target box and whether it is a link inside a sentence (WCAG
# 2.5.8's "inline" exception: its size is set by the line of text around it).
TARGETS_JS = """
() => {
    const targets = [];
    const blocks = "p, li, dd, dt, td, th, h1, h2, h3, h4, h5, h6, figcaption, caption";
    for (const element of document.querySelectorAll("a[href], button, input, select, textarea, summary")) {
        const ring = window.ppRing(element);
        if (!ring.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
        if (element.closest("dialog:not([open]), [inert]")) continue;
        const r = ring.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        let inline = false;
        const block = element.tagName === "A" ? element.parentElement.closest(blocks) : null;
        if (block) {
            const copy = block.cloneNode(true);
            copy.querySelectorAll("a").forEach((link) => link.remove());
            inline = /[\\p{L}\\p{N}]/u.test(copy.textContent);
        }
        targets.push({
            name: `<${element.tagName.toLowerCase()} class="${element.className}">`
                + (element.innerText || element.getAttribute("aria-label") || element.title || "").trim().slice(0, 50),
            box: [r.left + scrollX, r.top + scrollY, r.width, r.height],
            inline,
        });
    }
    return targets;
}
"""

MINIMUM = 24


def distance_to_box(point: tuple[float, float], box: list[float]) -> float:
    x, y = point
    left, top, width, height = box
    return math.hypot(max(left - x, 0, x - (left + width)), max(top - y, 0, y - (top + height)))


def centre(box: list[float]) -> tuple[float, float]:
    return box[0] + box[2] / 2, box[1] + box[3] / 2


def undersized(target: dict) -> bool:
    return target["box"][2] < MINIMUM or target["box"][3] < MINIMUM


def too_small(targets: list[dict]) -> list[str]:
    """Targets under 24 x 24 px that neither WCAG 2.5.8 exception covers: inline in a sentence, or
    spaced so that a 24 px circle on their centre meets no other target and no other undersized
    target's circle."""
    problems = []
    for target in targets:
        if not undersized(target) or target["inline"]:
            continue
        point = centre(target["box"])
        for other in targets:
            if other is target:
                continue
            if distance_to_box(point, other["box"]) < MINIMUM / 2 or (
                undersized(other) and math.dist(point, centre(other["box"])) < MINIMUM
            ):
                width, height = target["box"][2:]
                problems.append(f"{target['name']} is {width:.0f} x {height:.0f} px, {other['name']} is too close")
                break
    return problems


def test_spacing_exception_is_measured_between_targets():
    small = {"name": "small", "box": [0, 0, 16, 16], "inline": False}
    far = {"name": "far", "box": [40, 0, 16, 16], "inline": False}
    near = {"name": "near", "box": [18, 0, 16, 16], "inline": False}
    assert too_small([small, far]) == []
    assert too_small([small, near]) == [
        "small is 16 x 16 px, near is too close", "near is 16 x 16 px, small is too close"]
    assert too_small([{**small, "inline": True}, {**near, "box": [18, 0, 30, 30]}]) == []


@pytest.mark.parametrize("mode", ["light", "zoom-400"])
@pytest.mark.parametrize("path", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_targets_are_at_least_24_px_or_spaced_apart(open_page, path, mode):
    page = open_page(path, **MODES[mode])
    install_helpers(page)
    targets = page.evaluate(TARGETS_JS)
    assert targets
    assert too_small(targets) == []


# --- link contrast -----------------------------------------------------------------------------

LINKS_JS = """
() => [...document.querySelectorAll("a[href]")]
    .filter((link) => link.checkVisibility({visibilityProperty: true, opacityProperty: true})
        && link.innerText.trim() && !link.closest("dialog:not([open])")
        // Not the skip link, kept above the page until focused (its own test measures it).
        && link.getBoundingClientRect().bottom + scrollY > 0)
    .map((link, index) => {
        link.dataset.ppLink = String(index);
        const style = getComputedStyle(link);
        return {key: String(index), ...window.ppText(link)};
    })
"""


def contrast_problem(link: dict, state: str) -> str | None:
    background = background_of(link["background"])
    ratio = contrast(over(link["colour"], background), background)
    large = link["size"] >= 24 or (link["bold"] and link["size"] >= 18.66)
    if ratio < (3 if large else 4.5):
        return f"{link['name']!r} ({state}) has {ratio:.2f}:1, {link['colour']} on {background}"
    return None


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_links_have_aa_contrast_on_every_background_hovered_or_not(open_page, path, scheme):
    """Computed from the rendered colours, on plain and tinted backgrounds (a post's place in its
    collection sits on the theme's surface tint); one link of each background also hovered."""
    page = open_page(path, color_scheme=scheme)
    install_helpers(page)
    links = page.evaluate(LINKS_JS)
    assert links
    backgrounds = {str(link["background"]["layers"]) for link in links}
    problems = [problem for link in links if (problem := contrast_problem(link, "shown"))]
    for background in backgrounds:
        link = next(link for link in links if str(link["background"]["layers"]) == background)
        target = page.locator(f"[data-pp-link='{link['key']}']")
        if not target.is_visible():
            continue
        target.hover()
        wait_until_settled(page)
        hovered = target.evaluate("(l) => getComputedStyle(l).color")
        problems.append(contrast_problem({**link, "colour": hovered}, "hovered"))
    assert [problem for problem in problems if problem] == []


def test_a_series_post_links_on_a_tinted_background(open_page):
    """The tint the contrast check above must meet: not the page's own background."""
    page = open_page(POST, color_scheme="light")
    install_helpers(page)
    found = page.evaluate("window.ppBackground(document.querySelector('.pp-collection-context a'))")
    page_background = page.evaluate("window.ppBackground(document.body)")
    assert background_of(found) != background_of(page_background)


# --- what screen readers are told --------------------------------------------------------------


@pytest.mark.parametrize("docname", POSTS, ids=lambda d: d.rsplit("/", 1)[-1])
def test_post_exposes_byline_date_series_position_and_tags_by_name(open_page, docname):
    data = POSTS[docname]
    page = open_page(f"{docname}.html")
    meta = page.locator("article .pp-post-meta")
    authors = [author.name for author in fm.authors_of(data)]
    byline = meta.get_by_role("paragraph").filter(has_text=re.compile("^By "))
    expect(byline).to_have_count(1)
    for author in authors:
        link = byline.get_by_role("link", name=author, exact=True)
        expect(link).to_have_accessible_description(f"All posts by {author}")
    date = meta.locator("time")
    expect(date).to_have_attribute("datetime", str(data["date"]))
    expect(date).to_have_text(format_date(str(data["date"])))
    tags = meta.get_by_role("list")
    expect(tags.get_by_role("listitem")).to_have_count(len(data["tags"]))
    for tag in data["tags"]:
        expect(tags.get_by_role("link", name=tag, exact=True)).to_have_accessible_description(f"Posts tagged {tag}")
    snapshot = page.locator("article .pp-post-meta").aria_snapshot()
    assert snapshot.index("By") < snapshot.index(format_date(str(data["date"]))) < snapshot.index("Tags:"), snapshot
    if data.get("position") is not None:
        landing = front_matter(REPO / Path(docname).parent / "index.md")
        planned = landing["collection"]["planned_posts"]
        expect(page.locator("article .pp-collection-context")).to_contain_text(
            f"Blog {data['position']} of {planned} in the {landing['collection']['series_name']}")


@pytest.mark.parametrize(("query", "summary"), [
    ("public value", re.compile(r"^Search finished, found (\d+) pages matching the search query\.$")),
    ("zeppelin", re.compile(r"^No post or page contains all of these words")),
])
def test_search_results_announce_their_count_politely(open_page, query, summary):
    page = open_page(f"search.html?q={query.replace(' ', '+')}")
    results = read_results(page)
    status = page.get_by_role("status")
    expect(status).to_have_text(summary)
    count = summary.match(status.text_content())
    if count.groups():
        assert int(count.group(1)) == len(results)
    # The visible summary says the same; screen readers hear it once, from the status region.
    expect(page.locator("#search-results .search-summary")).to_have_attribute("aria-hidden", "true")
