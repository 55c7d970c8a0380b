<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="pt_PT">
<context>
    <name>AfterSale</name>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="58"/>
        <source>Talão de oferta</source>
        <translation>Gift receipt</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="60"/>
        <location filename="../../ui/cashier/after_sale.py" line="105"/>
        <source>Mostrar QR</source>
        <translation>Show QR</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="63"/>
        <source>Impressora…</source>
        <translation>Printer…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cashier/after_sale.py" line="72"/>
        <source>%1 · %2 · %n linha(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n line</numerusform>
            <numerusform>%1 · %2 · %n lines</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="75"/>
        <source>TROCO %1</source>
        <translation>CHANGE %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="76"/>
        <source>Sem troco</source>
        <translation>No change</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="79"/>
        <source>A pagar depois (fatura a crédito)</source>
        <translation>To be paid later (invoice on credit)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="83"/>
        <source>A imprimir o talão…</source>
        <translation>Printing the receipt…</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="86"/>
        <source>Reimprimir</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="96"/>
        <source>Reimprimir (cópia)</source>
        <translation>Reprint (copy)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="97"/>
        <source>Imprimir talão</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="105"/>
        <source>Esconder QR</source>
        <translation>Hide QR</translation>
    </message>
</context>
<context>
    <name>ApprovalBox</name>
    <message>
        <location filename="../../ui/cashier/approval.py" line="23"/>
        <source>Autorização de um gerente</source>
        <translation>Manager approval</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/approval.py" line="32"/>
        <source>PIN do gerente</source>
        <translation>Manager&apos;s PIN</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/approval.py" line="71"/>
        <source>Escolha o gerente que autoriza.</source>
        <translation>Choose the approving manager.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/approval.py" line="73"/>
        <source>Falta o PIN do gerente.</source>
        <translation>The manager&apos;s PIN is missing.</translation>
    </message>
</context>
<context>
    <name>CartView</name>
    <message>
        <location filename="../../ui/cashier/cart_view.py" line="19"/>
        <source>Artigo</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cart_view.py" line="19"/>
        <source>Qtd</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cart_view.py" line="19"/>
        <source>Valor</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cart_view.py" line="52"/>
        <source>preço alterado (era %1)</source>
        <translation>price changed (was %1)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cart_view.py" line="99"/>
        <source>Desconto na venda</source>
        <translation>Discount on the sale</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cart_view.py" line="55"/>
        <source>desconto %1</source>
        <translation>discount %1</translation>
    </message>
</context>
<context>
    <name>CashMenuPage</name>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="31"/>
        <source>Caixa</source>
        <translation>Till</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="36"/>
        <source>Relatório X
F7</source>
        <translation>X report
F7</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="37"/>
        <source>Entrada de dinheiro</source>
        <translation>Cash in</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="38"/>
        <source>Saída de dinheiro</source>
        <translation>Cash out</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="39"/>
        <source>Abrir a gaveta
F11</source>
        <translation>Open the drawer
F11</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="40"/>
        <source>Fechar a caixa (Z)
F8</source>
        <translation>Close the till (Z)
F8</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="50"/>
        <source>Voltar</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>CashMovePage</name>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="16"/>
        <source>Reforço do fundo de caixa</source>
        <translation>Float top-up</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="17"/>
        <source>Troco trazido do banco</source>
        <translation>Change from the bank</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="18"/>
        <source>Pagamento a fornecedor</source>
        <translation>Payment to a supplier</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="19"/>
        <source>Depósito no banco</source>
        <translation>Bank deposit</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="20"/>
        <source>Recolha para o cofre</source>
        <translation>Taken to the safe</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="79"/>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="85"/>
        <source>ou escreva o motivo</source>
        <translation>or type the reason</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="91"/>
        <source>Voltar</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="109"/>
        <source>Entrada de dinheiro na gaveta</source>
        <translation>Cash put into the drawer</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="110"/>
        <source>Saída de dinheiro da gaveta</source>
        <translation>Cash taken out of the drawer</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="111"/>
        <source>Registar entrada</source>
        <translation>Record cash in</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="112"/>
        <source>Registar saída</source>
        <translation>Record cash out</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="132"/>
        <source>valor</source>
        <translation>amount</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="134"/>
        <source>Escreva o valor.</source>
        <translation>Type the amount.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="137"/>
        <source>Indique o motivo.</source>
        <translation>Give the reason.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="146"/>
        <source>Entrada de %1 registada.</source>
        <translation>Cash in of %1 recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="147"/>
        <source>Saída de %1 registada.</source>
        <translation>Cash out of %1 recorded.</translation>
    </message>
</context>
<context>
    <name>ClosePage</name>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="228"/>
        <source>Fechar a caixa — contagem cega</source>
        <translation>Close the till — blind count</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="229"/>
        <source>Conte o dinheiro da gaveta e os totais dos talões de cada meio de pagamento. As diferenças aparecem depois de confirmar.</source>
        <translation>Count the cash in the drawer and the slip totals of each payment method. Differences are shown after you confirm.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="240"/>
        <source>Voltar</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="247"/>
        <location filename="../../ui/cashier/session_pages.py" line="260"/>
        <location filename="../../ui/cashier/session_pages.py" line="292"/>
        <source>Confirmar fecho</source>
        <translation>Confirm closing</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cashier/session_pages.py" line="267"/>
        <source>%n venda(s) suspensa(s) ficam para depois do fecho (não contam nesta sessão).</source>
        <translation>
            <numerusform>%n parked sale stays for after the closing (it does not count in this session).</numerusform>
            <numerusform>%n parked sales stay for after the closing (they do not count in this session).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="311"/>
        <source>Conte %1 e escreva o valor (0 se não há nada).</source>
        <translation>Count %1 and type the amount (0 if there is none).</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="313"/>
        <source>contagem</source>
        <translation>count</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="339"/>
        <source>A contagem não bate certo em: %1. Conte outra vez; se estiver certa, confirme o fecho com a diferença.</source>
        <translation>The count does not match for: %1. Count again; if it is right, confirm closing with the difference.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="342"/>
        <source>Fechar com diferença</source>
        <translation>Close with the difference</translation>
    </message>
</context>
<context>
    <name>ConfirmBar</name>
    <message>
        <location filename="../../ui/widgets/confirm.py" line="22"/>
        <source>Não</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>CreditNotePage</name>
    <message>
        <location filename="../../ui/cashier/returns.py" line="50"/>
        <location filename="../../ui/cashier/returns.py" line="138"/>
        <source>Devolução: escolha o documento</source>
        <translation>Return: choose the document</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="74"/>
        <source>Outro documento</source>
        <translation>Another document</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="101"/>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="103"/>
        <source>Devolução</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="103"/>
        <source>Defeito</source>
        <translation>Faulty</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="103"/>
        <source>Engano</source>
        <translation>Mistake</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="110"/>
        <source>motivo da devolução</source>
        <translation>reason for the return</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="314"/>
        <source>A emitir…</source>
        <translation>Issuing…</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="80"/>
        <source>Voltar</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="61"/>
        <source>Toque nas linhas a devolver; − e + mudam a quantidade.</source>
        <translation>Tap the lines to return; − and + change the quantity.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="120"/>
        <source>Emitir nota de crédito</source>
        <translation>Issue credit note</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="161"/>
        <source>Não se faz nota de crédito sobre %1.</source>
        <translation>No credit note can be issued on %1.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="167"/>
        <source>Devolução de %1</source>
        <translation>Return of %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="209"/>
        <source>Abate à dívida</source>
        <translation>Off what is owed</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="212"/>
        <source>Como pagou</source>
        <translation>As paid</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="264"/>
        <source>A devolver: %1</source>
        <translation>To refund: %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="273"/>
        <source>Reembolso: %1</source>
        <translation>Refund: %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="276"/>
        <source>Sem dinheiro: a nota abate ao que o cliente deve.</source>
        <translation>No money: the note comes off what the customer owes.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="304"/>
        <source>Marque pelo menos uma linha.</source>
        <translation>Tick at least one line.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="307"/>
        <source>Indique o motivo.</source>
        <translation>Give the reason.</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../ui/cashier/customer_display.py" line="42"/>
        <source>Caixa — cliente</source>
        <translation>Till — customer</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer_display.py" line="60"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer_display.py" line="77"/>
        <source>Obrigado pela preferência!</source>
        <translation>Thank you for shopping with us!</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer_display.py" line="87"/>
        <source>Leia com o telemóvel (e-fatura)</source>
        <translation>Scan with your phone (e-fatura)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer_display.py" line="119"/>
        <source>Desconto na venda   −%1</source>
        <translation>Discount on the sale   −%1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer_display.py" line="126"/>
        <source>Total %1</source>
        <translation>Total %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer_display.py" line="127"/>
        <source>Troco %1</source>
        <translation>Change %1</translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <location filename="../../ui/cashier/customer.py" line="61"/>
        <source>Cliente</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="63"/>
        <source>Procurar cliente: nome, NIF ou telefone</source>
        <translation>Find a customer: name, tax number or phone</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="79"/>
        <source>NIF</source>
        <translation>Tax no.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="88"/>
        <source>País</source>
        <translation>Country</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="106"/>
        <source>Isenção de IVA</source>
        <translation>VAT exemption</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="107"/>
        <source>Entrega intracomunitária de bens</source>
        <translation>Intra-community supply of goods</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="108"/>
        <source>Exportação de bens</source>
        <translation>Export of goods</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="109"/>
        <source>Serviços a empresa estrangeira (autoliquidação)</source>
        <translation>Services to a foreign business (reverse charge)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="110"/>
        <source>Sem isenção: IVA português</source>
        <translation>No exemption: Portuguese VAT</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="121"/>
        <source>Simplificada</source>
        <translation>Simplified</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="121"/>
        <source>Fatura-recibo</source>
        <translation>Invoice-receipt</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="122"/>
        <source>Fatura a crédito</source>
        <translation>Invoice on credit</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="151"/>
        <source>Nome</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="152"/>
        <source>Morada</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="155"/>
        <source>Cód. postal</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="158"/>
        <source>Localidade</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="160"/>
        <source>Telefone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="168"/>
        <source>Sem NIF</source>
        <translation>No tax no.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="170"/>
        <source>Voltar</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="172"/>
        <source>Confirmar</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="234"/>
        <source>Nenhum cliente encontrado.</source>
        <translation>No customer found.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="264"/>
        <source>Sem NIF: consumidor final.</source>
        <translation>No tax number: final consumer.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="268"/>
        <source>Número fiscal de %1.</source>
        <translation>Tax number from %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cashier/customer.py" line="273"/>
        <source>Faltam %n algarismo(s).</source>
        <translation>
            <numerusform>%n digit missing.</numerusform>
            <numerusform>%n digits missing.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="275"/>
        <source>NIF válido.</source>
        <translation>Valid tax number.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="294"/>
        <source>NIF válido: %1.</source>
        <translation>Valid tax number: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="278"/>
        <source>NIF inválido: confira os algarismos.</source>
        <translation>Invalid tax number: check the digits.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="373"/>
        <source>Esta fatura precisa do nome e da morada do cliente.</source>
        <translation>This invoice needs the customer&apos;s name and address.</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <location filename="../../ui/cashier/devices.py" line="46"/>
        <source>não configurada</source>
        <translation>not set up</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/devices.py" line="47"/>
        <source>não respondeu</source>
        <translation>did not answer</translation>
    </message>
</context>
<context>
    <name>DocType</name>
    <message>
        <location filename="../../ui/cashier/doctype.py" line="59"/>
        <source>com serviços</source>
        <translation>with services</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/doctype.py" line="59"/>
        <source>bens</source>
        <translation>goods</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/doctype.py" line="60"/>
        <source>Fatura simplificada</source>
        <translation>Simplified invoice</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/doctype.py" line="61"/>
        <source>Fatura-recibo</source>
        <translation>Invoice-receipt</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/doctype.py" line="62"/>
        <source>Fatura (a pagar depois)</source>
        <translation>Invoice (paid later)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/doctype.py" line="64"/>
        <source>consumidor final, até %1 (%2).</source>
        <translation>final consumer, up to %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/doctype.py" line="65"/>
        <source>com o NIF do cliente, até %1 (%2).</source>
        <translation>with the customer&apos;s tax number, up to %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/doctype.py" line="66"/>
        <source>o cliente deu nome e morada.</source>
        <translation>the customer gave name and address.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/doctype.py" line="67"/>
        <source>obrigatória: o total passa %1, o limite da fatura simplificada (%2). Nome e morada do cliente são precisos.</source>
        <translation>required: the total is over %1, the simplified invoice limit (%2). The customer&apos;s name and address are needed.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/doctype.py" line="69"/>
        <source>pedida pelo cliente: nome e morada são precisos.</source>
        <translation>asked for by the customer: name and address are needed.</translation>
    </message>
</context>
<context>
    <name>DocumentPicker</name>
    <message>
        <location filename="../../ui/cashier/picker.py" line="31"/>
        <source>Número (ex.: FS A2026/12) ou leia o QR do talão</source>
        <translation>Number (e.g. FS A2026/12) or scan the receipt QR</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/picker.py" line="55"/>
        <source> · anulado</source>
        <translation> · cancelled</translation>
    </message>
</context>
<context>
    <name>Gift</name>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="117"/>
        <source>Documento %1</source>
        <translation>Document %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="125"/>
        <source>Talão de oferta: sem preços.</source>
        <translation>Gift receipt: no prices.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="126"/>
        <source>Não serve de fatura.</source>
        <translation>Not an invoice.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="127"/>
        <source>Para trocas, apresente este talão.</source>
        <translation>Bring this receipt to exchange goods.</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="54"/>
        <source>espaço</source>
        <translation>space</translation>
    </message>
</context>
<context>
    <name>LinePage</name>
    <message>
        <location filename="../../ui/cashier/line_page.py" line="49"/>
        <source>Nesta linha</source>
        <translation>This line</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/line_page.py" line="50"/>
        <source>Na venda toda</source>
        <translation>Whole sale</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/line_page.py" line="72"/>
        <source>Voltar</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/line_page.py" line="74"/>
        <source>Aplicar</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/line_page.py" line="116"/>
        <source>Desconto na venda toda (€ ou %)</source>
        <translation>Discount on the whole sale (€ or %)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/line_page.py" line="117"/>
        <source>A venda vale %1 antes deste desconto; ele é repartido pelas linhas na fatura.</source>
        <translation>The sale is %1 before this discount; it is spread over the lines on the invoice.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/line_page.py" line="125"/>
        <source>Quantidade</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/line_page.py" line="125"/>
        <source>Desconto na linha (€)</source>
        <translation>Line discount (€)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/line_page.py" line="126"/>
        <source>Preço unitário (€)</source>
        <translation>Unit price (€)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/line_page.py" line="128"/>
        <source>Quantidade %1 · preço %2 · desconto %3 · valor %4</source>
        <translation>Quantity %1 · price %2 · discount %3 · amount %4</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/line_page.py" line="156"/>
        <source>valor</source>
        <translation>value</translation>
    </message>
</context>
<context>
    <name>Methods</name>
    <message>
        <location filename="../../ui/cashier/methods.py" line="10"/>
        <source>Numerário</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/methods.py" line="10"/>
        <source>Cartão</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/methods.py" line="11"/>
        <source>MB WAY</source>
        <translation>MB WAY</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/methods.py" line="11"/>
        <source>Cartão crédito</source>
        <translation>Credit card</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/methods.py" line="12"/>
        <source>Transferência</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/methods.py" line="12"/>
        <source>Cheque</source>
        <translation>Cheque</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/methods.py" line="13"/>
        <source>Outros</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>OpenSessionPage</name>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="58"/>
        <location filename="../../ui/cashier/session_pages.py" line="107"/>
        <source>Abrir a caixa</source>
        <translation>Open the till</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="108"/>
        <source>Conte o fundo de caixa (o dinheiro na gaveta para trocos) e indique o valor.</source>
        <translation>Count the float (the change money in the drawer) and enter the amount.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="112"/>
        <source>A caixa já está aberta</source>
        <translation>The till is already open</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="114"/>
        <source>A sessão %1 foi aberta por %2 às %3 com %4 de fundo. O que vender conta nesta sessão, e no fecho dela (Z), com o seu nome em cada documento.</source>
        <translation>Session %1 was opened by %2 at %3 with a %4 float. What you sell counts in this session and in its closing (Z), with your name on each document.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="119"/>
        <source>Continuar nesta sessão</source>
        <translation>Continue in this session</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="77"/>
        <source>Sair</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="85"/>
        <location filename="../../ui/cashier/session_pages.py" line="110"/>
        <source>Abrir caixa</source>
        <translation>Open till</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <location filename="../../ui/cashier/page.py" line="19"/>
        <source>Erro inesperado do programa (os detalhes ficaram no registo). Tente de novo; se repetir, chame o suporte.</source>
        <translation>Unexpected program error (the details are in the log). Try again; if it happens again, call support.</translation>
    </message>
</context>
<context>
    <name>ParkedPage</name>
    <message>
        <location filename="../../ui/cashier/parked_page.py" line="23"/>
        <source>Vendas suspensas</source>
        <translation>Parked sales</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/parked_page.py" line="24"/>
        <source>Toque numa venda para a retomar. Uma venda suspensa não é um documento: só conta quando for paga.</source>
        <translation>Tap a sale to resume it. A parked sale is not a document: it counts only when paid.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/parked_page.py" line="35"/>
        <source>motivo para anular (ex.: cliente desistiu)</source>
        <translation>reason to void (e.g. customer left)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/parked_page.py" line="41"/>
        <source>Voltar</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/parked_page.py" line="43"/>
        <source>Anular a selecionada</source>
        <translation>Void the selected one</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/parked_page.py" line="45"/>
        <source>Retomar</source>
        <translation>Resume</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cashier/parked_page.py" line="70"/>
        <source>%1  %2 · %n linha(s) · %3%4</source>
        <translation>
            <numerusform>%1  %2 · %n line · %3%4</numerusform>
            <numerusform>%1  %2 · %n lines · %3%4</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/cashier/parked_page.py" line="76"/>
        <source>Não há vendas suspensas nesta caixa.</source>
        <translation>No parked sales on this till.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/parked_page.py" line="98"/>
        <source>Há uma venda em curso: pague-a, suspenda-a ou anule-a antes de retomar outra.</source>
        <translation>A sale is in progress: pay, park or void it before resuming another.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/parked_page.py" line="111"/>
        <source>Escreva o motivo para anular a venda suspensa.</source>
        <translation>Type the reason for voiding the parked sale.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/parked_page.py" line="114"/>
        <source>Anular esta venda suspensa? Fica registado quem anulou.</source>
        <translation>Void this parked sale? Who voided it is recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/parked_page.py" line="115"/>
        <source>Sim, anular</source>
        <translation>Yes, void</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/parked_page.py" line="120"/>
        <source>Venda suspensa anulada.</source>
        <translation>Parked sale voided.</translation>
    </message>
</context>
<context>
    <name>PaymentPage</name>
    <message>
        <location filename="../../ui/cashier/payment.py" line="79"/>
        <source>Pagamento</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="88"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="89"/>
        <source>Pago</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="90"/>
        <source>Em falta</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="91"/>
        <source>Troco</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="101"/>
        <source>Anular pagamento selecionado</source>
        <translation>Remove selected payment</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="107"/>
        <source>Voltar  Esc</source>
        <translation>Back  Esc</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="109"/>
        <source>Confirmar  Enter</source>
        <translation>Confirm  Enter</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="120"/>
        <source>valor recebido</source>
        <translation>amount received</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="146"/>
        <source>Tecla %1</source>
        <translation>Key %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="158"/>
        <source>Pagamento · %1</source>
        <translation>Payment · %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="159"/>
        <source>Fatura a crédito: sem pagamento agora</source>
        <translation>Invoice on credit: no payment now</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="200"/>
        <source>Exato</source>
        <translation>Exact</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="216"/>
        <source>Nada em falta: confirme o pagamento.</source>
        <translation>Nothing due: confirm the payment.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="218"/>
        <source>Só o numerário pode passar o valor em falta (dá troco).</source>
        <translation>Only cash may exceed the amount due (it gives change).</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="248"/>
        <source>Falta receber %1: escreva o valor e escolha o meio de pagamento (N numerário, C cartão, M MB WAY).</source>
        <translation>%1 still due: type the amount and choose how it is paid (N cash, C card, M MB WAY).</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="270"/>
        <source>Falta receber %1.</source>
        <translation>Still due: %1.</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <location filename="../../ui/cashier/printer_page.py" line="18"/>
        <source>Impressora de talões</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/printer_page.py" line="27"/>
        <source>Para a configurar: no back office, Definições › Impressora (ligação USB, rede, série ou impressora do sistema); ou, no computador da caixa, a variável CAIXA_PRINTER (ver o manual). Depois de a ligar, reinicie a caixa e imprima um teste.

Sem impressora a caixa vende na mesma: cada talão pode ser impresso mais tarde (Reimprimir) ou mostrado ao cliente como código QR.</source>
        <translation>To set it up: in the back office, Settings › Printer (USB, network, serial or system printer); or, on the till&apos;s computer, the CAIXA_PRINTER variable (see the manual). Once it is connected, restart the till and print a test.

Without a printer the till still sells: every receipt can be printed later (Reprint) or shown to the customer as a QR code.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/printer_page.py" line="39"/>
        <source>Voltar</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/printer_page.py" line="41"/>
        <source>Imprimir um teste</source>
        <translation>Print a test</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/printer_page.py" line="51"/>
        <source>Nenhuma impressora configurada.</source>
        <translation>No printer set up.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/printer_page.py" line="54"/>
        <source>Ainda não imprimiu nada desde que a caixa abriu.</source>
        <translation>Nothing printed since the till started.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/printer_page.py" line="56"/>
        <source>Último trabalho: impresso.</source>
        <translation>Last job: printed.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/printer_page.py" line="58"/>
        <source>Último trabalho: não impresso — %1</source>
        <translation>Last job: not printed — %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/printer_page.py" line="62"/>
        <source>A imprimir um teste…</source>
        <translation>Printing a test…</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/printer_page.py" line="63"/>
        <source>TESTE DE IMPRESSÃO</source>
        <translation>PRINT TEST</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/printer_page.py" line="65"/>
        <source>Caixa %1</source>
        <translation>Till %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/printer_page.py" line="66"/>
        <source>Se lê isto, a impressora funciona.</source>
        <translation>If you can read this, the printer works.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/printer_page.py" line="71"/>
        <source>Teste impresso.</source>
        <translation>Test printed.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/printer_page.py" line="73"/>
        <source>Não imprimiu: %1</source>
        <translation>Not printed: %1</translation>
    </message>
</context>
<context>
    <name>ProductGrid</name>
    <message>
        <location filename="../../ui/cashier/product_grid.py" line="135"/>
        <source>Outros</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../ui/cashier/reports.py" line="27"/>
        <source>RELATÓRIO X (leitura)</source>
        <translation>X REPORT (reading)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="28"/>
        <source>RELATÓRIO Z n.º %1 (fecho)</source>
        <translation>Z REPORT no. %1 (closing)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="37"/>
        <source>Caixa %1 · sessão %2</source>
        <translation>Till %1 · session %2</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="38"/>
        <source>Aberta</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="39"/>
        <source>Fechada</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="39"/>
        <source>Até</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="43"/>
        <source>*** FORMAÇÃO: documentos sem valor fiscal ***</source>
        <translation>*** TRAINING: documents have no fiscal value ***</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="44"/>
        <source>Documentos</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="47"/>
        <source>Anulados</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="48"/>
        <source>Vendas</source>
        <translation>Sales</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="49"/>
        <source>Notas de crédito</source>
        <translation>Credit notes</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="50"/>
        <source>Total líquido</source>
        <translation>Net total</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="51"/>
        <source>Faturado a crédito (FT/ND)</source>
        <translation>Invoiced on credit (FT/ND)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="52"/>
        <source>Por meio de pagamento</source>
        <translation>By payment method</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="56"/>
        <source>  (nenhum pagamento)</source>
        <translation>  (no payments)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="58"/>
        <source>Reembolsos (notas de crédito)</source>
        <translation>Refunds (credit notes)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="61"/>
        <source>Por taxa de IVA</source>
        <translation>By VAT rate</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="62"/>
        <source>Base / IVA</source>
        <translation>Base / VAT</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="68"/>
        <source>Fundo de caixa</source>
        <translation>Opening float</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="69"/>
        <source>Entradas de dinheiro</source>
        <translation>Cash in</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="70"/>
        <source>Saídas de dinheiro</source>
        <translation>Cash out</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="71"/>
        <source>Gaveta aberta sem venda</source>
        <translation>Drawer opened without sale</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="75"/>
        <source>Entrada</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="76"/>
        <source>Saída</source>
        <translation>Out</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="81"/>
        <source>Vendas suspensas por retomar</source>
        <translation>Parked sales not resumed</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="83"/>
        <source>Vendas suspensas anuladas</source>
        <translation>Parked sales voided</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="86"/>
        <source>Numerário esperado</source>
        <translation>Expected cash</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="88"/>
        <source>Contagem: esperado / contado / diferença</source>
        <translation>Count: expected / counted / difference</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="159"/>
        <source>Imprimir</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="161"/>
        <location filename="../../ui/cashier/session_pages.py" line="175"/>
        <source>Voltar</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="175"/>
        <source>Terminar</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="181"/>
        <source>%1: esperado %2 · contado %3 · diferença %4</source>
        <translation>%1: expected %2 · counted %3 · difference %4</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="187"/>
        <source>Numerário certo: sem diferenças.</source>
        <translation>Cash is right: no difference.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="188"/>
        <source>Diferença em numerário: %1</source>
        <translation>Cash difference: %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="202"/>
        <source>A imprimir…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="208"/>
        <source>Impresso.</source>
        <translation>Printed.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="210"/>
        <source>Não impresso: %1. Toque em Imprimir para tentar de novo.</source>
        <translation>Not printed: %1. Tap Print to try again.</translation>
    </message>
</context>
<context>
    <name>ReprintPage</name>
    <message>
        <location filename="../../ui/cashier/reprint.py" line="22"/>
        <source>Reimprimir um documento</source>
        <translation>Reprint a document</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reprint.py" line="30"/>
        <location filename="../../ui/cashier/reprint.py" line="67"/>
        <location filename="../../ui/cashier/reprint.py" line="98"/>
        <source>Escolha o documento.</source>
        <translation>Choose the document.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reprint.py" line="34"/>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reprint.py" line="37"/>
        <source>Pedido do cliente</source>
        <translation>Customer&apos;s request</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reprint.py" line="37"/>
        <source>Talão ilegível</source>
        <translation>Receipt unreadable</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reprint.py" line="38"/>
        <source>Falha na impressão</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reprint.py" line="38"/>
        <source>Talão perdido</source>
        <translation>Receipt lost</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reprint.py" line="47"/>
        <source>ou escreva o motivo</source>
        <translation>or type the reason</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reprint.py" line="53"/>
        <source>Voltar</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reprint.py" line="55"/>
        <source>Reimprimir cópia</source>
        <translation>Reprint copy</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reprint.py" line="102"/>
        <source>Indique o motivo da reimpressão.</source>
        <translation>Give the reason for the reprint.</translation>
    </message>
</context>
<context>
    <name>SalePage</name>
    <message>
        <location filename="../../ui/cashier/sale.py" line="66"/>
        <source>Procurar artigo ou ler código de barras (F2)</source>
        <translation>Search an item or scan a barcode (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="84"/>
        <location filename="../../ui/cashier/sale.py" line="415"/>
        <source>Suspensas</source>
        <translation>Parked</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="85"/>
        <source>Caixa…</source>
        <translation>Till…</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="102"/>
        <source>Anular venda</source>
        <translation>Void sale</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="122"/>
        <source>Qtd.</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="123"/>
        <source>Remover</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="129"/>
        <location filename="../../ui/cashier/sale.py" line="189"/>
        <source>Desconto</source>
        <translation>Discount</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="130"/>
        <location filename="../../ui/cashier/sale.py" line="190"/>
        <source>Alterar preço</source>
        <translation>Change price</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="136"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="151"/>
        <source>Suspender</source>
        <translation>Park</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="153"/>
        <source>Cliente / NIF
F3</source>
        <translation>Customer / Tax no.
F3</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="155"/>
        <source>PAGAR
F4</source>
        <translation>PAY
F4</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="82"/>
        <source>Reimprimir</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="83"/>
        <source>Devolução</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="86"/>
        <source>Sair</source>
        <translation>Sign out</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cashier/sale.py" line="261"/>
        <source>%n artigo(s) para “%1”</source>
        <translation>
            <numerusform>%n item for “%1”</numerusform>
            <numerusform>%n items for “%1”</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="263"/>
        <source> — mostra os primeiros; escreva mais para afinar</source>
        <translation> — showing the first; type more to narrow</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="303"/>
        <source>Código desconhecido: %1</source>
        <translation>Unknown code: %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="371"/>
        <source>O carrinho está vazio.</source>
        <translation>The cart is empty.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cashier/sale.py" line="380"/>
        <source>Anular a venda toda (%n artigo(s), %1)?</source>
        <translation>
            <numerusform>Void the whole sale (%n item, %1)?</numerusform>
            <numerusform>Void the whole sale (%n items, %1)?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="382"/>
        <source>Sim, anular</source>
        <translation>Yes, void</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="387"/>
        <source>Venda anulada antes do pagamento.</source>
        <translation>Sale voided before payment.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="403"/>
        <source>Venda suspensa (%1): retome-a em Suspensas.</source>
        <translation>Sale parked (%1): resume it from Parked.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="414"/>
        <source>Suspensas (%1)</source>
        <translation>Parked (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="423"/>
        <source>Venda retomada.</source>
        <translation>Sale resumed.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cashier/sale.py" line="439"/>
        <source>%n artigo(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="442"/>
        <source>Consumidor final</source>
        <translation>Final consumer</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="448"/>
        <source>isenta de IVA (%1)</source>
        <translation>VAT exempt (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="449"/>
        <source>Cliente: %1</source>
        <translation>Customer: %1</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../ui/cashier/signin.py" line="32"/>
        <source>Quem está na caixa?</source>
        <translation>Who&apos;s at the till?</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/signin.py" line="42"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/signin.py" line="53"/>
        <source>Entrar</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/signin.py" line="78"/>
        <source>Caixa</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/signin.py" line="78"/>
        <source>Gerente</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/signin.py" line="79"/>
        <source>Administrador</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/signin.py" line="103"/>
        <source>Toque no seu nome primeiro.</source>
        <translation>Tap your name first.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/signin.py" line="106"/>
        <source>Escreva o PIN.</source>
        <translation>Type your PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/signin.py" line="111"/>
        <source>A verificar…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message>
        <location filename="../../ui/widgets/status.py" line="97"/>
        <source>AT: …</source>
        <translation>AT: …</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="101"/>
        <source>AT: sem envio</source>
        <translation>AT: not sending</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="103"/>
        <source>AT: online</source>
        <translation>AT: online</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="105"/>
        <source>AT: offline</source>
        <translation>AT: offline</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/status.py" line="106"/>
        <source>%n por enviar</source>
        <translation>
            <numerusform>%n to send</numerusform>
            <numerusform>%n to send</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="107"/>
        <source>nada por enviar</source>
        <translation>nothing to send</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="109"/>
        <source> (mais antigo há %1)</source>
        <translation> (oldest %1 ago)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/status.py" line="111"/>
        <source> · %n recusado(s)</source>
        <translation>
            <numerusform> · %n rejected</numerusform>
            <numerusform> · %n rejected</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="115"/>
        <source>AT: envio à AT não configurado nesta caixa</source>
        <translation>AT: sending to AT is not set up on this till</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="121"/>
        <source>AT: estado indisponível</source>
        <translation>AT: status unavailable</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="129"/>
        <source>Impressora: …</source>
        <translation>Printer: …</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="131"/>
        <source>Impressora: pronta</source>
        <translation>Printer: ready</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="133"/>
        <source>Impressora: %1</source>
        <translation>Printer: %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="138"/>
        <source>Sem utilizador</source>
        <translation>Nobody signed in</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="143"/>
        <source>Caixa fechada</source>
        <translation>Till closed</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="145"/>
        <source>%1 · sessão %2 desde %3</source>
        <translation>%1 · session %2 since %3</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="146"/>
        <source>%1 · sessão %2 de %4 desde %3</source>
        <translation>%1 · session %2 of %4 since %3</translation>
    </message>
</context>
<context>
    <name>TillWindow</name>
    <message>
        <location filename="../../ui/cashier/window.py" line="113"/>
        <source>Impressora: %1</source>
        <translation>Printer: %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window.py" line="116"/>
        <source>não configurada</source>
        <translation>not set up</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window.py" line="280"/>
        <source>Termine, suspenda ou anule a venda antes de sair.</source>
        <translation>Finish, park or void the sale before signing out.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window.py" line="297"/>
        <source>Registe primeiro os artigos.</source>
        <translation>Register the items first.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window.py" line="329"/>
        <source>Esta venda tem de ser fatura com nome e morada do cliente.</source>
        <translation>This sale must be an invoice with the customer&apos;s name and address.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window.py" line="347"/>
        <source>A emitir…</source>
        <translation>Issuing…</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window.py" line="366"/>
        <source>%1 emitida · %2</source>
        <translation>%1 issued · %2</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window.py" line="369"/>
        <source>TROCO %1</source>
        <translation>CHANGE %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="25"/>
        <source>Talão impresso.</source>
        <translation>Receipt printed.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="27"/>
        <source>Talão não impresso: não há impressora configurada. Mostre o QR ao cliente, ou imprima depois de a configurar.</source>
        <translation>Receipt not printed: no printer is set up. Show the QR to the customer, or print it once one is set up.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="30"/>
        <source>Talão não impresso: %1</source>
        <translation>Receipt not printed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="41"/>
        <source>Cópia impressa.</source>
        <translation>Copy printed.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="42"/>
        <source>Cópia não impressa: %1</source>
        <translation>Copy not printed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="45"/>
        <source>A imprimir…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="46"/>
        <source>Pedido do cliente</source>
        <translation>Customer&apos;s request</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="54"/>
        <source>Talão de oferta impresso.</source>
        <translation>Gift receipt printed.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="56"/>
        <source>Talão de oferta não impresso: %1</source>
        <translation>Gift receipt not printed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="60"/>
        <source>A imprimir o talão de oferta…</source>
        <translation>Printing the gift receipt…</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="61"/>
        <source>TALÃO DE OFERTA</source>
        <translation>GIFT RECEIPT</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="70"/>
        <source>Cópia de %1 impressa (%2).</source>
        <translation>Copy of %1 printed (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="73"/>
        <source>Cópia de %1 não impressa: %2</source>
        <translation>Copy of %1 not printed: %2</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="79"/>
        <source>A imprimir a cópia de %1…</source>
        <translation>Printing the copy of %1…</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="92"/>
        <source>%1 emitida: abate %2 ao que o cliente deve.</source>
        <translation>%1 issued: %2 off what the customer owes.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="97"/>
        <source>%1 em numerário</source>
        <translation>%1 in cash</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="98"/>
        <source>%1 emitida: devolva %2 ao cliente (%3).</source>
        <translation>%1 issued: give %2 back to the customer (%3).</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="111"/>
        <source>Gaveta aberta.</source>
        <translation>Drawer opened.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="113"/>
        <source>A gaveta não abriu (abre-se pela impressora): %1</source>
        <translation>The drawer did not open (it opens through the printer): %1</translation>
    </message>
</context>
<context>
    <name>TrainingBanner</name>
    <message>
        <location filename="../../ui/widgets/status.py" line="61"/>
        <source>MODO DE FORMAÇÃO — documentos sem valor fiscal</source>
        <translation>TRAINING MODE — documents have no fiscal value</translation>
    </message>
</context>
<context>
    <name>WeightPage</name>
    <message>
        <location filename="../../ui/cashier/weight.py" line="53"/>
        <source>Voltar</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/weight.py" line="55"/>
        <source>Adicionar</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/weight.py" line="72"/>
        <source>Quanto pesa? — %1</source>
        <translation>How much does it weigh? — %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/weight.py" line="73"/>
        <source>%1 por %2. Escreva a quantidade em %2 (ex.: 0,350) ou leia a etiqueta da balança.</source>
        <translation>%1 per %2. Type the quantity in %2 (e.g. 0,350) or scan the scale&apos;s label.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/weight.py" line="84"/>
        <source>Escreva o peso.</source>
        <translation>Type the weight.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/weight.py" line="85"/>
        <source>peso</source>
        <translation>weight</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/weight.py" line="87"/>
        <source>Peso inválido: até 3 casas decimais (ex.: 0,350).</source>
        <translation>Invalid weight: up to 3 decimals (e.g. 0,350).</translation>
    </message>
</context>
</TS>
