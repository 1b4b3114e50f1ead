extensions = ["pp_blog"]
html_theme = "basic"
include_patterns = ["index.md", "posts/**"]
ppblog_categories = ["Special issue blog series", "Highlights collection"]
# Fixed, so that the future-dated post below is a draft whatever the day of the test.
ppblog_build_date = "2022-01-01"
html_baseurl = "https://example.org/"
blog_title = "Test blog"
ppblog_copyright_holder = "Test holder"
