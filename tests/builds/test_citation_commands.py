"""The author registry and DOIs, checked by the build and by `ppblog check`: one line per problem."""

from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import sphinx_build


def test_registry_and_licence_problems_are_one_line_each(tmp_path, rootdir):
    source = tmp_path / "source"
    shutil.copytree(rootdir / "test-citation", source)
    (source / "authors.yaml").write_text(
        "- name: Tina Jukić\n  orcid: \"0000-0002-1825-0098\"\n- name: Tina Jukic\n  homepage: https://x.org/\n",
        encoding="utf-8",
    )
    result = sphinx_build(source, tmp_path / "out")
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if "WARNING" in line]
    assert lines == [
        f"{source}/authors.yaml:2: WARNING: ORCID of 'Tina Jukić': '0000-0002-1825-0098' has a wrong check digit "
        "(its last character should be '7'): copy the ORCID from the person's orcid.org page [ppblog.authors]",
        f"{source}/authors.yaml:4: WARNING: unknown field 'homepage': use name, affiliation, orcid, url, bio, given, "
        "family (see docs/citing-and-discovery.md) [ppblog.authors]",
        f"{source}/authors.yaml:3: WARNING: 'Tina Jukic' has a record already ('Tina Jukić', line 1): keep one "
        "record per person [ppblog.authors]",
    ]
    assert "Traceback" not in result.stderr


def test_ppblog_check_reports_registry_and_doi_problems(tmp_path, rootdir):
    source = tmp_path / "source"
    shutil.copytree(rootdir / "test-citation", source)
    (source / "authors.yaml").write_text("- name: Tina Jukić\n  orcid: \"0000-0002-1825-0098\"\n", encoding="utf-8")
    post = source / "posts/si/first.md"
    post.write_text(post.read_text(encoding="utf-8").replace(
        "doi: 10.1332/030557321X16115951032181", "doi: doi:10.1332/030557321X16115951032181"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pp_blog.cli", "--root", str(source), "check"],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "posts/si/first.md:13: field 'doi': 'doi:10.1332/030557321X16115951032181' has a prefix: write the DOI "
        "without 'doi:', e.g. 10.1332/030557321X16115951032181",
        "authors.yaml:2: ORCID of 'Tina Jukić': '0000-0002-1825-0098' has a wrong check digit (its last character "
        "should be '7'): copy the ORCID from the person's orcid.org page",
        "2 problem(s) found",
    ]
