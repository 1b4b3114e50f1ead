# A plain ABlog project without our extension: built after the book in one process, it must
# come out as in a process of its own (tests/builds/test_no_leak.py).
extensions = ["ablog"]
html_theme = "basic"
blog_baseurl = "https://example.org/"
blog_title = "Plain blog"
blog_post_pattern = "posts/*"
