"""The journal's vocabulary: every kind of event a till seals in its journal.

The core records most of them where they happen (issuing, cash, keys, series, AT, the
integrity checks, backups...). What only a screen sees — a line voided before payment, a
cart dropped, a price typed over — reaches the journal through the facade's ``record_*``
methods (or ``record_event`` with one of ``SCREEN_KINDS``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# kind -> what it records (Portuguese, for listings)
KINDS: dict[str, str] = {
    # people
    "login": "entrada de utilizador",
    "logout": "saída de utilizador",
    "login_failed": "PIN errado na entrada",
    "pin_failed": "PIN errado numa autorização",
    "approval": "autorização de um supervisor",
    # the drawer and the cart (never a fiscal document, always an entry here)
    "drawer_opened": "gaveta aberta sem venda",
    "cash_open": "abertura de sessão de caixa",
    "cash_in": "entrada de dinheiro",
    "cash_out": "saída de dinheiro",
    "cash_drawer": "gaveta aberta sem venda (sessão)",
    "cash_close": "fecho de sessão de caixa",
    "cart_voided": "venda anulada antes do pagamento",
    "line_voided": "linha anulada antes do pagamento",
    "price_override": "preço alterado na venda",
    "order_discount": "desconto em toda a venda",
    "discount": "desconto numa linha",
    "credit_note": "nota de crédito autorizada",
    "reprint": "reimpressão (2.ª via)",
    "cancel": "anulação de documento",
    # modes and links
    "training": "modo de formação ligado/desligado",
    "setting": "definição da caixa alterada",
    "at_offline": "ligação à AT perdida",
    "at_online": "ligação à AT reposta",
    "at_failure": "a AT recusou um envio",
    "at_queue_stopped": "envios à AT parados",
    "at_queue_resumed": "envios à AT retomados",
    "at_queue_retry": "envio à AT repetido",
    "at_queue_resolve": "guia resolvida com código AT",
    "at_saft_confirmed": "SAF-T mensal confirmado",
    "at_code_conflict": "código AT diferente do guardado",
    "at_time": "hora do servidor da AT registada",
    # series, taxes, keys
    "series": "série acrescentada ou alterada",
    "series_sync": "séries acertadas com a AT",
    "series_finalize": "série fechada",
    "tax_change": "taxa de IVA de um artigo alterada",
    "tax_table": "tabela de taxas de IVA do programa alterada",
    "key": "chave de assinatura criada ou importada",
    "seal_key": "chave de selagem",
    "key_custody": "guarda da palavra-passe das chaves",
    # the clock
    "clock_confirmed": "hora confirmada por um gerente",
    "clock_offset": "relógio diferente da hora da AT",
    "clock_recovery": "séries fechadas por relógio adiantado",
    # closures
    "closure_z": "fecho Z",
    "closure_day": "fecho do dia",
    "closure_month": "fecho do mês",
    "closure_year": "fecho do ano",
    # the program and its data
    "setup": "loja criada",
    "upgrade": "dados selados na atualização",
    "software_update": "atualização do programa",
    "backup": "cópia de segurança",
    "backup_failed": "cópia de segurança falhou",
    "restore": "reposição de cópia de segurança",
    "archive": "arquivo do período",
    "archive_failed": "arquivo do período falhou",
    "anchor": "âncora externa criada",
    "anchor_rebased": "âncora refeita após reposição confirmada",
    "store_attach": "caixa ligada a uma loja (base central)",
    "integrity_report": "verificação encontrou alterações",
    "integrity_acknowledged": "relatório confirmado por um administrador",
    # paper forms (D8632 §2.4-2.5)
    "manual_book": "livro de impressos",
    "manual_void": "impresso inutilizado",
    "manual_recover": "impresso recuperado",
    "manual_duplicate": "duplicado recuperado",
    "transport_paper": "guia em papel",
    "inoperability_start": "início de inoperacionalidade",
    "inoperability_end": "fim de inoperacionalidade",
}

# What a screen may put on record through ``record_event`` (the rest is recorded by the core
# where it happens, and cannot be written from outside).
SCREEN_KINDS = frozenset({"logout", "cart_voided", "line_voided", "price_override",
                          "discount", "order_discount", "credit_note", "drawer_opened"})


@dataclass(frozen=True)
class JournalEntry:
    seq: int
    at: datetime
    user: str
    kind: str
    detail: str
    sealed: bool          # False: an entry from before migration 0006 (SHA-256 chain only)

    @property
    def label(self) -> str:
        return KINDS.get(self.kind, self.kind)

    @property
    def summary(self) -> str:
        """The detail's first line (some entries carry data after it)."""
        return self.detail.split("\n", 1)[0]
