# The article's section-2 example, line by line as it was published: the same indentation, the same blank
# and whitespace-only lines, the same code lines; only its two comment lines are in pymem's own words.
# C18's model reads these lines too (src/generated/includes.ts, claims/C18-*/article-code.ts): one
# u"..." string per line, with no double quote and no backslash inside.
ARTICLE_CODE_LINES = [
    u"import sys",
    u"",
    u"  # 整数是不可变对象，先看看它的计数",
    u"  a = 10",
    u"  print(sys.getrefcount(a))",
    u"",
    u"  lt = [1, 2, 3]",
    u"  lt2 = lt",
    u"  # 两个名字指向同一个列表，再看看计数",
    u"  print(sys.getrefcount(lt))",
    u"  del lt2",
    u"  print(sys.getrefcount(lt))",
    u"    ",
    u"class Person:",
    u"    def __del__(self):",
    u"        print('对象即将释放')",
    u"        ",
    u"p = Person()",
    u"print(sys.getrefcount(p))",
    u"del p",
    u"print('over')        ",
]
