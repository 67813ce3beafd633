"""Part numerals, as the statute numbers the six parts."""

NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}
