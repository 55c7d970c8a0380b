"""The store's commands, as a manager types them (the real `caixa` in a subprocess)."""

import json

from tests.conftest import clone_shop, run_cli


def caixa(db, *args, code: int = 0):
    """`caixa` on ``db`` (a till's file or the store's URL), as CAIXA_DB names it."""
    proc = run_cli(db, *args)
    assert proc.returncode == code, (args, proc.stdout, proc.stderr)
    return proc.stdout if code == 0 else proc.stderr


def test_init_attach_status_sync_and_a_price_from_the_store(demo_template, tmp_path,
                                                            admin_url):
    till = clone_shop(demo_template, tmp_path / "cx1.db")
    assert "Base central da loja pronta" in caixa(till, "store", "init", admin_url)
    assert "Base central da loja pronta" in caixa(till, "store", "init", admin_url)  # again

    out = caixa(till, "store", "attach", admin_url, "--till", "CX1")
    assert "Caixa CX1 ligada à loja" in out and "criados a partir desta caixa" in out
    assert "0 em conflito" not in out and "aceite" in out
    caixa(till, "sell", "--item", "PAO01:2")
    # The document and its sealed entry in the till's chain.
    assert "Por enviar: 2 " in caixa(till, "store", "status")
    assert "2 registo(s) enviado(s), 2 aceite(s)" in caixa(till, "store", "sync")

    status = json.loads(caixa(admin_url, "store", "status", "--json"))
    (row,) = status
    assert (row["code"], row["documents"], row["pending"], row["conflicts"]) == \
        ("CX1", 1, 0, 0)
    table = caixa(admin_url, "store", "status")
    assert table.splitlines()[0].split()[:3] == ["Caixa", "Estab.", "Docs"]
    assert "CX1" in table

    caixa(admin_url, "product", "set", "PAO01", "--price", "2.05")
    assert "1 alteração(ões)" in caixa(till, "store", "sync")
    journal = caixa(admin_url, "journal")          # the store's office sealed the change
    assert "product_changed" in journal or "PAO01" in journal
    sold = json.loads(caixa(till, "sell", "--item", "PAO01", "--json"))
    assert sold["lines"][0]["unit_price"] == "2.05"
    documents = caixa(admin_url, "documents")
    assert "FS DEMO2026/1" in documents            # the store reads every till's sales
    assert "Sem conflitos" in caixa(admin_url, "store", "conflicts")
    assert "0 registo(s) aplicado(s) agora; 0 ainda por aplicar" in \
        caixa(admin_url, "store", "sync")


def test_mistakes_are_one_sentence(demo_template, tmp_path, admin_url, store_server):
    till = clone_shop(demo_template, tmp_path / "cx1.db")
    err = caixa(till, "store", "attach", admin_url, "--till", "CX1", code=2)
    assert "caixa store init" in err and err.count("\n") == 1
    err = caixa(till, "store", "sync", code=2)
    assert "não está ligada" in err and err.count("\n") == 1
    err = caixa(till, "store", "init", str(till), code=2)
    assert "PostgreSQL" in err and err.count("\n") == 1
    caixa(till, "store", "init", admin_url)
    err = caixa(till, "store", "attach", admin_url, "--till", "CX9", code=2)
    assert "Esta caixa é a CX1" in err and err.count("\n") == 1
    down = admin_url.replace(str(store_server.port), "1")      # nothing listens there
    err = caixa(till, "store", "attach", down, "--till", "CX1", code=2)
    assert err.startswith("caixa: ") and err.count("\n") == 1


def test_the_store_acts_for_no_till(central, till1, admin_url):
    proc = run_cli(admin_url, "--till", "CX1", "sell", "--item", "PAO01")
    assert proc.returncode == 2 and "própria base de dados" in proc.stderr
