"""Look-ups the sale screen runs through the background helper (plain functions of the
application facade: they never touch a widget)."""

from pos.domain.documents import ProductSnapshot
from pos.domain.errors import NotFoundError


def first_product(app, codes: tuple[str, ...]) -> ProductSnapshot | None:
    """The first of ``codes`` that is a product (a scale label has two), or None."""
    for code in codes:
        try:
            return app.product(code)
        except NotFoundError:
            continue
    return None


def product_or_search(app, text: str, limit: int
                      ) -> tuple[ProductSnapshot | None, list[ProductSnapshot]]:
    """What Enter in the search field means: the product whose code is ``text``, else the
    products found by searching for it."""
    try:
        return app.product(text), []
    except NotFoundError:
        return None, app.search_products(text, limit)
