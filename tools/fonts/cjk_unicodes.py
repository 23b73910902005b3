#!/usr/bin/env python3
"""cjk_unicodes.py — which characters go into the CJK font the app fetches only when a
dataset has Chinese text (the build subsets the font to them with pyftsubset).

Noto Sans CJK SC (Debian's fonts-noto-cjk, SIL Open Font License) is 19 MB with every
CJK glyph. The app needs the characters real names use, read from the glibc charmaps in
Debian's `locales`: GB2312's (simplified Chinese, 6,763 hanzi + kana and symbols), Big5's
frequent level (traditional Chinese, 5,401 hanzi: Hong Kong and Taiwan), JIS X 0208's
first level (Japanese, 2,965 kanji) and KS X 1001's Hangul (Korean, 2,350 syllables),
plus CJK punctuation, Hangul jamo and full-width forms. That is ~12,300 characters in
~2.5 MB, kept out of the first download and cached by the service worker once fetched.

usage: cjk_unicodes.py CHARMAPS_DIR OUTPUT.txt   (then: pyftsubset ... --unicodes-file=OUTPUT.txt)
"""
import gzip
import re
import sys

CJK_FIRST = 0x2E80
BIG5_LEVEL1 = (0xA140, 0xC67E)  # symbols and the 5,401 frequent hanzi
SJIS_LEVEL1 = (0x889F, 0x9872)  # JIS X 0208 level 1: the 2,965 common kanji
HANGUL = (0xAC00, 0xD7A3)  # precomposed syllables (KS X 1001 has the 2,350 in use)


def charmap(path):
    """Unicode code point -> the charset's bytes, from a glibc charmap file."""
    entry = re.compile(r'<U([0-9A-F]{4,6})>\s+((?:/x[0-9a-f]{2})+)')
    out = {}
    with gzip.open(path, 'rt', encoding='latin-1') as f:
        for line in f:
            m = entry.match(line)
            if m:
                out[int(m.group(1), 16)] = bytes(int(b, 16) for b in m.group(2).split('/x')[1:])
    return out


def main(charmaps, output):
    gb2312 = charmap(f'{charmaps}/GB2312.gz')
    big5 = charmap(f'{charmaps}/BIG5.gz')
    wanted = {cp for cp in gb2312 if cp >= CJK_FIRST}
    for cp, code in big5.items():
        if cp >= CJK_FIRST and len(code) == 2 and BIG5_LEVEL1[0] <= (code[0] << 8 | code[1]) <= BIG5_LEVEL1[1]:
            wanted.add(cp)
    for cp, code in charmap(f'{charmaps}/SHIFT_JIS.gz').items():
        if len(code) == 2 and SJIS_LEVEL1[0] <= (code[0] << 8 | code[1]) <= SJIS_LEVEL1[1]:
            wanted.add(cp)
    wanted |= {cp for cp in charmap(f'{charmaps}/EUC-KR.gz') if HANGUL[0] <= cp <= HANGUL[1]}
    wanted |= set(range(0x3130, 0x3190))  # Hangul compatibility jamo: ㄱ ㅏ
    wanted |= set(range(0x3000, 0x3040))  # CJK punctuation: 、。「」〈〉
    wanted |= set(range(0xFF00, 0xFFF0))  # full-width and half-width forms
    if len(wanted) < 12000:
        sys.exit(f'cjk_unicodes: only {len(wanted)} characters from {charmaps}: is locales installed?')
    with open(output, 'w', encoding='ascii') as f:
        f.write('\n'.join(f'U+{cp:04X}' for cp in sorted(wanted)) + '\n')
    print(f'cjk_unicodes: {len(wanted)} characters -> {output}')


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
