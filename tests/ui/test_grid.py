"""The product grid shows every product of a category or a search exactly once, each tile
inside the grid's visible rectangle (scrolled to when the list is long), and every
category is reachable at 1024 and at 1920 px."""

import pytest
from PySide6.QtCore import QPoint, QRect

from pos.services import catalogue

SIZES = [(1024, 768), (1920, 1080)]


def shown_tiles(grid) -> dict[str, QRect]:
    """Visible tiles by product code, with their rectangle in the scroll area's viewport."""
    out: dict[str, QRect] = {}
    viewport = grid.area.viewport()
    for tile in grid.tiles:
        if not tile.isVisible():
            continue
        code = tile.product.code
        assert code not in out, f"{code} shown twice"
        top_left = tile.mapTo(viewport, QPoint(0, 0))
        out[code] = QRect(top_left, tile.size())
    return out


def check_grid(d, expected: list[str]) -> None:
    """Every expected product once; tiles never overlap; scrolling brings each one fully
    inside the viewport."""
    grid = d.w.sale.grid
    d.qtbot.wait(20)                                # the layout settles on the next pass
    tiles = shown_tiles(grid)
    assert sorted(tiles) == sorted(expected)
    rects = list(tiles.values())
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not a.intersects(b), (a, b)
    viewport = grid.area.viewport()
    for code in expected:
        grid.area.ensureWidgetVisible(grid.buttons[code], 0, 0)
        d.qtbot.wait(5)
        rect = QRect(grid.buttons[code].mapTo(viewport, QPoint(0, 0)),
                     grid.buttons[code].size())
        assert viewport.rect().contains(rect), (code, rect, viewport.rect())
        assert grid.buttons[code].product.code == code


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_product_of_every_category_and_search_once_inside_the_grid(
        make_driver, app, size):
    with app.unit(True) as uow:                     # a long category: more than a screen
        for i in range(40):
            catalogue.add(uow, f"LNG{i:02d}", f"Artigo longo {i:02d}", "1.00", "NOR",
                          category="Longa")
    d = make_driver(app, size=size)
    d.sign_in()
    categories = app.categories()
    # Bebidas (5) then Mercearia (7): the defect left a stray tile over Açúcar.
    order = ["Bebidas", "Mercearia", *categories, "Longa", "Bebidas"]
    for name in order:
        d.tap(d.w.sale.grid.category_buttons[name])
        expected = [p.code for p in app.category_products(name)]
        check_grid(d, expected)
    for text in ("ca", "pa", "longo", "açúcar", "xyzzy", "ma"):
        d.w.sale.search.setText(text)
        d.w.sale.run_search(text)
        d.settle()
        expected = [p.code for p in app.search_products(text, 48)]
        check_grid(d, expected)
        caption = d.w.sale.grid.caption.text()
        assert caption.startswith(f"{len(expected)} artigo"), caption


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_category_is_reachable(make_driver, app, size):
    with app.unit(True) as uow:                     # ten categories, as in the report
        catalogue.add(uow, "CHA01", "Presunto", "19.90", "RED", unit="KG",
                      category="Charcutaria")
    d = make_driver(app, size=size)
    d.sign_in()
    bar = d.w.sale.grid.categories
    names = app.categories()
    assert len(names) == 10
    for name in names:
        b = d.w.sale.grid.category_buttons[name]
        assert b.isVisible() and b.width() >= 48 and b.height() >= 48
        rect = QRect(b.mapTo(bar, QPoint(0, 0)), b.size())
        assert bar.rect().contains(rect), (name, rect, bar.rect())
        assert b.text().replace("&&", "&") == name
        d.tap(b)
        assert d.w.sale.grid.category() == name
