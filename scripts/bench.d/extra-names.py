#!/usr/bin/env python3
"""Names of the lists designation-service cannot import yet, as designation lines for the engine's LatencyHarness.

Reads Canada's SEMA XML (2025 tag set), the UK's 2022-format .xlsx and Australia's DFAT .xlsx from the data folder
given as the first argument and prints one JSON line per listed subject: designationId, subject type, primary name,
aliases, birth dates. Only what the matching engine indexes, for speed figures over ~100,000 names; it is not an
importer (no programmes, measures or ids) and is replaced by the real formats when they land.
Usage: extra-names.py DATA_DIR > extra.jsonl
"""
import json
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from collections import OrderedDict

MAIN = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'


def xlsx_rows(path):
    """Rows of the first sheet as {column letter: text}; stdlib only (no openpyxl on a fresh machine)."""
    book = zipfile.ZipFile(path)
    shared = [''.join(t.text or '' for t in si.iter(MAIN + 't'))
              for si in ET.fromstring(book.read('xl/sharedStrings.xml')).iter(MAIN + 'si')]
    for row in ET.fromstring(book.read('xl/worksheets/sheet1.xml')).iter(MAIN + 'row'):
        cells = {}
        for c in row.iter(MAIN + 'c'):
            v = c.find(MAIN + 'v')
            text = '' if v is None else (shared[int(v.text)] if c.get('t') == 's' else v.text)
            cells[re.match('[A-Z]+', c.get('r')).group(0)] = (text or '').strip()
        yield cells


def line(did, kind, names, birth_dates=()):
    names = [n for n in OrderedDict.fromkeys(n.strip() for n in names) if n]
    return json.dumps({'designationId': did, 'subject': {
        'type': kind, 'name': names[0], 'aliases': [{'name': n, 'kind': 'AKA'} for n in names[1:]],
        'birthDates': [d for d in birth_dates if re.fullmatch(r'\d{4}(-\d\d){0,2}', d)]}}, ensure_ascii=False)


def canada(data):
    root = ET.parse(f'{data}/lists/ca-sema-2025-09/sema-lmes.xml').getroot()
    for i, r in enumerate(root.iter('record')):
        get = lambda tag: (r.findtext(tag) or '').strip()
        entity = get('EntityOrShip')
        person = ' '.join(p for p in (get('GivenName'), get('LastName')) if p)
        # aliases are comma-separated, some prefixed with their language ("Russian: …")
        aliases = [re.sub(r'^\w+:\s*', '', a) for a in re.split(r'[;,]\s*', get('Aliases'))]
        names = [entity or person] + [a for a in aliases if a]
        if names[0]:
            yield line(f'ca-{i}', 'ORGANIZATION' if entity else 'PERSON', names, [get('DateOfBirthOrShipBuildDate')])


def united_kingdom(data):
    groups = OrderedDict()
    for r in list(xlsx_rows(f'{data}/lists/uk-ofsi-2025-04/ConList_2022format_2025-04-14.xlsx'))[2:]:
        name = ' '.join(r.get(c, '') for c in 'BCDEF' if r.get(c)) + ' ' + r.get('A', '')
        g = groups.setdefault(r.get('AJ'), {'type': r.get('AC'), 'names': []})
        g['names'] += [name, r.get('H', '')]
    for gid, g in groups.items():
        kind = {'Individual': 'PERSON', 'Ship': 'VESSEL'}.get(g['type'], 'ORGANIZATION')
        yield line(f'uk25-{gid}', kind, g['names'])


def australia(data):
    groups = OrderedDict()
    for r in list(xlsx_rows(f'{data}/lists/au-dfat-2024-12/regulation8_consolidated_2024-12.xlsx'))[1:]:
        ref = re.match(r'\d+', r.get('A', ''))
        if ref:
            g = groups.setdefault(ref.group(0), {'type': r.get('C'), 'names': []})
            g['names'].append(r.get('B', ''))
    for ref, g in groups.items():
        yield line(f'au-{ref}', 'PERSON' if g['type'] == 'Individual' else 'ORGANIZATION', g['names'])


if __name__ == '__main__':
    for source in (canada, united_kingdom, australia):
        for out in source(sys.argv[1]):
            print(out)
