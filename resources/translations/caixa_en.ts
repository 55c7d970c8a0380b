<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="pt_PT">
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
        <location filename="../../ui/cashier/cart_view.py" line="15"/>
        <source>Artigo</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cart_view.py" line="15"/>
        <source>Qtd</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cart_view.py" line="15"/>
        <source>Valor</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cart_view.py" line="47"/>
        <source>preço alterado</source>
        <translation>price changed</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cart_view.py" line="49"/>
        <source>desconto %1</source>
        <translation>discount %1</translation>
    </message>
</context>
<context>
    <name>ClosePage</name>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="179"/>
        <source>Fechar a caixa — contagem cega</source>
        <translation>Close the till — blind count</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="180"/>
        <source>Conte o dinheiro da gaveta e os totais dos talões de cada meio de pagamento. As diferenças aparecem depois de confirmar.</source>
        <translation>Count the cash in the drawer and the slip totals of each payment method. Differences are shown after you confirm.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="191"/>
        <source>Voltar</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="198"/>
        <source>Confirmar fecho</source>
        <translation>Confirm closing</translation>
    </message>
</context>
<context>
    <name>CreditNotePage</name>
    <message>
        <location filename="../../ui/cashier/returns.py" line="44"/>
        <location filename="../../ui/cashier/returns.py" line="120"/>
        <source>Devolução: escolha o documento</source>
        <translation>Return: choose the document</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="55"/>
        <source>Marque as linhas a devolver; − e + mudam a quantidade.</source>
        <translation>Tick the lines to return; − and + change the quantity.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="67"/>
        <source>Outro documento</source>
        <translation>Another document</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="85"/>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="87"/>
        <source>Devolução</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="87"/>
        <source>Defeito</source>
        <translation>Faulty</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="87"/>
        <source>Engano</source>
        <translation>Mistake</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="94"/>
        <source>motivo da devolução</source>
        <translation>reason for the return</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="245"/>
        <source>A emitir…</source>
        <translation>Issuing…</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="73"/>
        <source>Voltar</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="104"/>
        <source>Emitir nota de crédito</source>
        <translation>Issue credit note</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="143"/>
        <source>Não se faz nota de crédito sobre %1.</source>
        <translation>No credit note can be issued on %1.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="147"/>
        <source>Devolução de %1</source>
        <translation>Return of %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="208"/>
        <source>A devolver: %1</source>
        <translation>To refund: %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="235"/>
        <source>Marque pelo menos uma linha.</source>
        <translation>Tick at least one line.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/returns.py" line="238"/>
        <source>Indique o motivo.</source>
        <translation>Give the reason.</translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <location filename="../../ui/cashier/customer.py" line="43"/>
        <source>Cliente</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="45"/>
        <source>NIF</source>
        <translation>Tax no.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="61"/>
        <source>Simplificada</source>
        <translation>Simplified</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="61"/>
        <source>Fatura-recibo</source>
        <translation>Invoice-receipt</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="62"/>
        <source>Fatura a crédito</source>
        <translation>Invoice on credit</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="87"/>
        <source>Nome</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="88"/>
        <source>Morada</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="91"/>
        <source>Cód. postal</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="94"/>
        <source>Localidade</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="102"/>
        <source>Sem NIF</source>
        <translation>No tax no.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="104"/>
        <source>Voltar</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="106"/>
        <source>Confirmar</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="148"/>
        <source>Sem NIF: consumidor final.</source>
        <translation>No tax number: final consumer.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cashier/customer.py" line="150"/>
        <source>Faltam %n algarismo(s).</source>
        <translation>
            <numerusform>%n digit missing.</numerusform>
            <numerusform>%n digits missing.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="152"/>
        <source>NIF válido.</source>
        <translation>Valid tax number.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="171"/>
        <source>NIF válido: %1.</source>
        <translation>Valid tax number: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="155"/>
        <source>NIF inválido: confira os algarismos.</source>
        <translation>Invalid tax number: check the digits.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer.py" line="218"/>
        <source>Esta fatura precisa do nome e da morada do cliente.</source>
        <translation>This invoice needs the customer&apos;s name and address.</translation>
    </message>
</context>
<context>
    <name>DocType</name>
    <message>
        <location filename="../../ui/cashier/sale.py" line="376"/>
        <source>com serviços</source>
        <translation>with services</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="376"/>
        <source>bens</source>
        <translation>goods</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="377"/>
        <source>Fatura simplificada</source>
        <translation>Simplified invoice</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="378"/>
        <source>Fatura-recibo</source>
        <translation>Invoice-receipt</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="379"/>
        <source>Fatura (a pagar depois)</source>
        <translation>Invoice (paid later)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="381"/>
        <source>consumidor final, até %1 (%2).</source>
        <translation>final consumer, up to %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="382"/>
        <source>com o NIF do cliente, até %1 (%2).</source>
        <translation>with the customer&apos;s tax number, up to %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="383"/>
        <source>o cliente deu nome e morada.</source>
        <translation>the customer gave name and address.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="384"/>
        <source>obrigatória: o total passa %1, o limite da fatura simplificada (%2). Nome e morada do cliente são precisos.</source>
        <translation>required: the total is over %1, the simplified invoice limit (%2). The customer&apos;s name and address are needed.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="386"/>
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
    <name>LinePage</name>
    <message>
        <location filename="../../ui/cashier/line_page.py" line="54"/>
        <source>Voltar</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/line_page.py" line="56"/>
        <source>Aplicar</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/line_page.py" line="79"/>
        <source>Quantidade</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/line_page.py" line="79"/>
        <source>Desconto na linha (€)</source>
        <translation>Line discount (€)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/line_page.py" line="80"/>
        <source>Preço unitário (€)</source>
        <translation>Unit price (€)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/line_page.py" line="82"/>
        <source>Quantidade %1 · preço %2 · desconto %3 · valor %4</source>
        <translation>Quantity %1 · price %2 · discount %3 · amount %4</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/line_page.py" line="113"/>
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
        <location filename="../../ui/cashier/session_pages.py" line="53"/>
        <source>Abrir a caixa</source>
        <translation>Open the till</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="54"/>
        <source>Conte o fundo de caixa (o dinheiro na gaveta para trocos) e indique o valor.</source>
        <translation>Count the float (the change money in the drawer) and enter the amount.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="70"/>
        <source>Sair</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="78"/>
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
    <name>PaymentPage</name>
    <message>
        <location filename="../../ui/cashier/payment.py" line="53"/>
        <source>Pagamento</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="62"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="63"/>
        <source>Pago</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="64"/>
        <source>Em falta</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="65"/>
        <source>Troco</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="75"/>
        <source>Anular pagamento selecionado</source>
        <translation>Remove selected payment</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="81"/>
        <source>Voltar  Esc</source>
        <translation>Back  Esc</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="83"/>
        <source>Confirmar  Enter</source>
        <translation>Confirm  Enter</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="94"/>
        <source>valor recebido</source>
        <translation>amount received</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="130"/>
        <source>Pagamento · %1</source>
        <translation>Payment · %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="131"/>
        <source>Fatura a crédito: sem pagamento agora</source>
        <translation>Invoice on credit: no payment now</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="172"/>
        <source>Exato</source>
        <translation>Exact</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="188"/>
        <source>Nada em falta: confirme o pagamento.</source>
        <translation>Nothing due: confirm the payment.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="190"/>
        <source>Só o numerário pode passar o valor em falta (dá troco).</source>
        <translation>Only cash may exceed the amount due (it gives change).</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/payment.py" line="239"/>
        <source>Falta receber %1.</source>
        <translation>Still due: %1.</translation>
    </message>
</context>
<context>
    <name>ProductGrid</name>
    <message>
        <location filename="../../ui/cashier/product_grid.py" line="117"/>
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
        <location filename="../../ui/cashier/reports.py" line="57"/>
        <source>Por taxa de IVA</source>
        <translation>By VAT rate</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="58"/>
        <source>Base / IVA</source>
        <translation>Base / VAT</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="64"/>
        <source>Fundo de caixa</source>
        <translation>Opening float</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="65"/>
        <source>Entradas de dinheiro</source>
        <translation>Cash in</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="66"/>
        <source>Saídas de dinheiro</source>
        <translation>Cash out</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="67"/>
        <source>Gaveta aberta sem venda</source>
        <translation>Drawer opened without sale</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="70"/>
        <source>Numerário esperado</source>
        <translation>Expected cash</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/reports.py" line="72"/>
        <source>Contagem: esperado / contado / diferença</source>
        <translation>Count: expected / counted / difference</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="123"/>
        <source>Imprimir</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="125"/>
        <location filename="../../ui/cashier/session_pages.py" line="139"/>
        <source>Voltar</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="139"/>
        <source>Terminar</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="145"/>
        <source>%1: esperado %2 · contado %3 · diferença %4</source>
        <translation>%1: expected %2 · counted %3 · difference %4</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="151"/>
        <source>Numerário certo: sem diferenças.</source>
        <translation>Cash is right: no difference.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="152"/>
        <source>Diferença em numerário: %1</source>
        <translation>Cash difference: %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/session_pages.py" line="165"/>
        <source>Enviado para a impressora.</source>
        <translation>Sent to the printer.</translation>
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
        <location filename="../../ui/cashier/sale.py" line="55"/>
        <source>Procurar artigo ou ler código de barras (F2)</source>
        <translation>Search an item or scan a barcode (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="79"/>
        <source>Anular venda</source>
        <translation>Void sale</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="89"/>
        <source>Qtd.</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="90"/>
        <source>Remover</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="95"/>
        <location filename="../../ui/cashier/sale.py" line="164"/>
        <source>Desconto</source>
        <translation>Discount</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="96"/>
        <location filename="../../ui/cashier/sale.py" line="165"/>
        <source>Alterar preço</source>
        <translation>Change price</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="101"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="115"/>
        <source>Cliente / NIF
F3</source>
        <translation>Customer / Tax no.
F3</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="116"/>
        <source>PAGAR
F4</source>
        <translation>PAY
F4</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="127"/>
        <source>Reimprimir</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="128"/>
        <source>Devolução</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="129"/>
        <source>Relatório X</source>
        <translation>X report</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="130"/>
        <source>Fechar caixa</source>
        <translation>Close till</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="131"/>
        <source>Gaveta</source>
        <translation>Drawer</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="132"/>
        <source>Sair</source>
        <translation>Sign out</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cashier/sale.py" line="217"/>
        <source>%n artigo(s) para “%1”</source>
        <translation>
            <numerusform>%n item for “%1”</numerusform>
            <numerusform>%n items for “%1”</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="219"/>
        <source> — mostra os primeiros; escreva mais para afinar</source>
        <translation> — showing the first; type more to narrow</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="252"/>
        <source>Código desconhecido: %1</source>
        <translation>Unknown code: %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="316"/>
        <source>O carrinho está vazio.</source>
        <translation>The cart is empty.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="328"/>
        <source>Venda anulada antes do pagamento.</source>
        <translation>Sale voided before payment.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cashier/sale.py" line="343"/>
        <source>%n artigo(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="346"/>
        <source>Consumidor final</source>
        <translation>Final consumer</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="349"/>
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
        <location filename="../../ui/cashier/signin.py" line="98"/>
        <source>Toque no seu nome primeiro.</source>
        <translation>Tap your name first.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/signin.py" line="101"/>
        <source>Escreva o PIN.</source>
        <translation>Type your PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/signin.py" line="106"/>
        <source>A verificar…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message>
        <location filename="../../ui/widgets/status.py" line="90"/>
        <source>AT: …</source>
        <translation>AT: …</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="94"/>
        <source>AT: envio não configurado</source>
        <translation>AT: sending not set up</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="96"/>
        <source>AT: online</source>
        <translation>AT: online</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="98"/>
        <source>AT: offline</source>
        <translation>AT: offline</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/status.py" line="99"/>
        <source>%n por enviar</source>
        <translation>
            <numerusform>%n to send</numerusform>
            <numerusform>%n to send</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="100"/>
        <source>nada por enviar</source>
        <translation>nothing to send</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="102"/>
        <source> (mais antigo há %1)</source>
        <translation> (oldest %1 ago)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/status.py" line="104"/>
        <source> · %n recusado(s)</source>
        <translation>
            <numerusform> · %n rejected</numerusform>
            <numerusform> · %n rejected</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="112"/>
        <source>AT: estado indisponível</source>
        <translation>AT: status unavailable</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="119"/>
        <source>Impressora: …</source>
        <translation>Printer: …</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="121"/>
        <source>Impressora: pronta</source>
        <translation>Printer: ready</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="123"/>
        <source>Impressora: %1</source>
        <translation>Printer: %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="129"/>
        <source>Sem utilizador</source>
        <translation>Nobody signed in</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="133"/>
        <source>Caixa fechada</source>
        <translation>Till closed</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="135"/>
        <source>%1 · sessão %2 desde %3</source>
        <translation>%1 · session %2 since %3</translation>
    </message>
</context>
<context>
    <name>TillWindow</name>
    <message>
        <location filename="../../ui/cashier/window.py" line="89"/>
        <source>Impressora: %1</source>
        <translation>Printer: %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window.py" line="90"/>
        <source>não configurada</source>
        <translation>not set up</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window.py" line="182"/>
        <source>Termine ou anule a venda antes de sair.</source>
        <translation>Finish or void the sale before signing out.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window.py" line="195"/>
        <source>Registe primeiro os artigos.</source>
        <translation>Register the items first.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window.py" line="211"/>
        <source>Esta venda tem de ser fatura com nome e morada do cliente.</source>
        <translation>This sale must be an invoice with the customer&apos;s name and address.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window.py" line="229"/>
        <source>A emitir…</source>
        <translation>Issuing…</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window.py" line="240"/>
        <source>%1 emitida · %2</source>
        <translation>%1 issued · %2</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window.py" line="243"/>
        <source>TROCO %1</source>
        <translation>CHANGE %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window.py" line="250"/>
        <source>Cópia de %1 enviada para a impressora.</source>
        <translation>Copy of %1 sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window.py" line="257"/>
        <source>%1 emitida: devolva %2 ao cliente.</source>
        <translation>%1 issued: refund %2 to the customer.</translation>
    </message>
</context>
<context>
    <name>TrainingBanner</name>
    <message>
        <location filename="../../ui/widgets/status.py" line="54"/>
        <source>MODO DE FORMAÇÃO — documentos sem valor fiscal</source>
        <translation>TRAINING MODE — documents have no fiscal value</translation>
    </message>
</context>
</TS>
