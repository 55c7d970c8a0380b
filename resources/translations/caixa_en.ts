<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="pt_PT">
<context>
    <name>AdminStep</name>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="113"/>
        <source>Administrador</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="114"/>
        <source>ex. maria (sem espaços)</source>
        <translation>e.g. maria (no spaces)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="116"/>
        <source>4 a 8 algarismos, não 1234 nem 1111</source>
        <translation>4 to 8 digits, not 1234 nor 1111</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="117"/>
        <source>repita o PIN</source>
        <translation>repeat the PIN</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="119"/>
        <source>O administrador pode tudo: utilizadores, definições, séries. Os outros utilizadores acrescentam-se depois, no back office.</source>
        <translation>The administrator may do everything: users, settings, series. The other users are added later, in the back office.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="121"/>
        <source>Utilizador</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="121"/>
        <source>Nome</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="122"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="122"/>
        <source>Repetir PIN</source>
        <translation>Repeat PIN</translation>
    </message>
</context>
<context>
    <name>AfterSale</name>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="59"/>
        <source>Talão de oferta</source>
        <translation>Gift receipt</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="61"/>
        <location filename="../../ui/cashier/after_sale.py" line="110"/>
        <source>Mostrar QR</source>
        <translation>Show QR</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="64"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="67"/>
        <source>Impressora…</source>
        <translation>Printer…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cashier/after_sale.py" line="77"/>
        <source>%1 · %2 · %n linha(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n line</numerusform>
            <numerusform>%1 · %2 · %n lines</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="80"/>
        <source>TROCO %1</source>
        <translation>CHANGE %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="81"/>
        <source>Sem troco</source>
        <translation>No change</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="84"/>
        <source>A pagar depois (fatura a crédito)</source>
        <translation>To be paid later (invoice on credit)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="88"/>
        <source>A imprimir o talão…</source>
        <translation>Printing the receipt…</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="91"/>
        <source>Reimprimir</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="101"/>
        <source>Reimprimir (cópia)</source>
        <translation>Reprint (copy)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="102"/>
        <source>Imprimir talão</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="110"/>
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
    <name>Area</name>
    <message>
        <location filename="../../ui/backoffice/area.py" line="108"/>
        <source>Confirmar: %1</source>
        <translation>Confirm: %1</translation>
    </message>
</context>
<context>
    <name>AtTab</name>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="127"/>
        <source>NIF/N do subutilizador, ex. 599999993/1</source>
        <translation>Sub-user NIF/N, e.g. 599999993/1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="128"/>
        <source>palavra-passe (não é mostrada)</source>
        <translation>password (never shown)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="129"/>
        <source>Testes (AT)</source>
        <translation>Testing (AT)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="130"/>
        <source>Produção</source>
        <translation>Production</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="131"/>
        <source>pasta dos WSDL (opcional)</source>
        <translation>WSDL folder (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="132"/>
        <source>Guardar acesso</source>
        <translation>Save access</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="134"/>
        <source>Certificados (*.cer *.pem *.crt)</source>
        <translation>Certificates (*.cer *.pem *.crt)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="135"/>
        <source>Certificados (*.pem *.crt)</source>
        <translation>Certificates (*.pem *.crt)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="136"/>
        <source>Chaves (*.pem *.key)</source>
        <translation>Keys (*.pem *.key)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="137"/>
        <source>palavra-passe da chave (se tiver)</source>
        <translation>the key&apos;s password (if any)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="139"/>
        <source>Guardar certificados</source>
        <translation>Save certificates</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="141"/>
        <source>Apagar tudo</source>
        <translation>Delete everything</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="143"/>
        <source>Acesso aos webservices da AT</source>
        <translation>Access to AT&apos;s web services</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="145"/>
        <source>Utilizador</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="145"/>
        <location filename="../../ui/backoffice/settings_devices.py" line="153"/>
        <source>Palavra-passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="146"/>
        <source>Ambiente</source>
        <translation>Environment</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="146"/>
        <source>WSDL</source>
        <translation>WSDL</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="148"/>
        <source>Certificados</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="150"/>
        <source>Certificado da AT</source>
        <translation>AT&apos;s certificate</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="151"/>
        <source>Certificado do cliente</source>
        <translation>Client certificate</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="152"/>
        <source>Chave do cliente</source>
        <translation>Client key</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="162"/>
        <location filename="../../ui/backoffice/settings_devices.py" line="167"/>
        <location filename="../../ui/backoffice/settings_devices.py" line="172"/>
        <source>em falta</source>
        <translation>missing</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="165"/>
        <source>Utilizador: %1 · palavra-passe: %2 · ambiente: %3</source>
        <translation>User: %1 · password: %2 · environment: %3</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="167"/>
        <location filename="../../ui/backoffice/settings_devices.py" line="172"/>
        <source>guardada</source>
        <translation>saved</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="169"/>
        <source>Certificado da AT: %1</source>
        <translation>AT&apos;s certificate: %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="170"/>
        <source>Certificado do cliente: %1 · chave: %2</source>
        <translation>Client certificate: %1 · key: %2</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="173"/>
        <source>Pronto para comunicar.</source>
        <translation>Ready to communicate.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="174"/>
        <source>Incompleto: a AT ainda não pode ser contactada.</source>
        <translation>Incomplete: AT cannot be reached yet.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="191"/>
        <source>o certificado da AT</source>
        <translation>AT&apos;s certificate</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="191"/>
        <source>o certificado do cliente</source>
        <translation>the client certificate</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="192"/>
        <source>a chave do cliente</source>
        <translation>the client key</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="201"/>
        <source>Guardado (os segredos ficam cifrados e não são mostrados).</source>
        <translation>Saved (secrets are kept encrypted and never shown).</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="207"/>
        <source>Apagar o acesso e os certificados da AT? Carregue outra vez para confirmar.</source>
        <translation>Delete AT&apos;s access and certificates? Press again to confirm.</translation>
    </message>
</context>
<context>
    <name>BackOfficeEntry</name>
    <message>
        <location filename="../../ui/cashier/backoffice_entry.py" line="26"/>
        <source>Back office</source>
        <translation>Back office</translation>
    </message>
</context>
<context>
    <name>BackOfficeWindow</name>
    <message>
        <location filename="../../ui/backoffice/window.py" line="57"/>
        <source>Caixa · Back office</source>
        <translation>Caixa · Back office</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="106"/>
        <source>Back office</source>
        <translation>Back office</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="111"/>
        <location filename="../../ui/backoffice/window.py" line="160"/>
        <source>Sair</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="117"/>
        <source>Painel</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="117"/>
        <source>Catálogo</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="118"/>
        <source>Clientes</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="118"/>
        <source>Utilizadores</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="119"/>
        <source>Documentos</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="119"/>
        <source>Séries e AT</source>
        <translation>Series and AT</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="120"/>
        <source>Documentos manuais</source>
        <translation>Manual documents</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="120"/>
        <source>Relatórios</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="121"/>
        <source>SAF-T</source>
        <translation>SAF-T</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="121"/>
        <source>Definições</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="122"/>
        <source>Integridade</source>
        <translation>Integrity</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="151"/>
        <source>Fechar</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>BooksTab</name>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="45"/>
        <source>Livro</source>
        <translation>Book</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="45"/>
        <location filename="../../ui/backoffice/manual.py" line="68"/>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="45"/>
        <location filename="../../ui/backoffice/manual.py" line="68"/>
        <source>Série</source>
        <translation>Series</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="46"/>
        <source>Números</source>
        <translation>Numbers</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="46"/>
        <location filename="../../ui/backoffice/manual.py" line="70"/>
        <source>Tipografia</source>
        <translation>Printer (typography)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="46"/>
        <location filename="../../ui/backoffice/manual.py" line="73"/>
        <source>Código AT</source>
        <translation>AT code</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="47"/>
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="50"/>
        <source>série impressa nos impressos</source>
        <translation>series printed on the forms</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="51"/>
        <source>primeiro n.º</source>
        <translation>first no.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="52"/>
        <source>último n.º</source>
        <translation>last no.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="53"/>
        <source>nome da tipografia</source>
        <translation>typography&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="54"/>
        <location filename="../../ui/backoffice/manual.py" line="71"/>
        <source>NIF da tipografia</source>
        <translation>typography&apos;s NIF</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="55"/>
        <source>n.º de autorização</source>
        <translation>authorisation no.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="56"/>
        <source>código de validação AT da série</source>
        <translation>the series&apos; AT validation code</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="57"/>
        <source>Registar o livro</source>
        <translation>Register the book</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="58"/>
        <source>Passar a em uso</source>
        <translation>Mark as in use</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="59"/>
        <source>Fechar o livro</source>
        <translation>Close the book</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="60"/>
        <source>n.º do impresso inutilizado</source>
        <translation>no. of the spoilt form</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="61"/>
        <source>motivo</source>
        <translation>reason</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="62"/>
        <source>Inutilizar</source>
        <translation>Spoil</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="69"/>
        <source>Do número</source>
        <translation>From number</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="69"/>
        <source>Ao número</source>
        <translation>To number</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="72"/>
        <source>Autorização</source>
        <translation>Authorisation</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="75"/>
        <source>Impresso inutilizado (livro escolhido)</source>
        <translation>Spoilt form (book chosen)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="76"/>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="103"/>
        <source>Livro %1 registado.</source>
        <translation>Book %1 registered.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="108"/>
        <source>Escolha um livro da lista.</source>
        <translation>Choose a book from the list.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="111"/>
        <source>Livro %1 atualizado.</source>
        <translation>Book %1 updated.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="118"/>
        <source>Impresso inutilizado.</source>
        <translation>Form spoilt.</translation>
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
        <location filename="../../ui/cashier/cash_pages.py" line="51"/>
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
        <location filename="../../ui/cashier/cash_pages.py" line="85"/>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="91"/>
        <source>ou escreva o motivo</source>
        <translation>or type the reason</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="97"/>
        <source>Voltar</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="115"/>
        <source>Entrada de dinheiro na gaveta</source>
        <translation>Cash put into the drawer</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="116"/>
        <source>Saída de dinheiro da gaveta</source>
        <translation>Cash taken out of the drawer</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="117"/>
        <source>Registar entrada</source>
        <translation>Record cash in</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="118"/>
        <source>Registar saída</source>
        <translation>Record cash out</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="138"/>
        <source>valor</source>
        <translation>amount</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="140"/>
        <source>Escreva o valor.</source>
        <translation>Type the amount.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="143"/>
        <source>Indique o motivo.</source>
        <translation>Give the reason.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="152"/>
        <source>Entrada de %1 registada.</source>
        <translation>Cash in of %1 recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/cash_pages.py" line="153"/>
        <source>Saída de %1 registada.</source>
        <translation>Cash out of %1 recorded.</translation>
    </message>
</context>
<context>
    <name>CatalogueArea</name>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="40"/>
        <source>Produtos</source>
        <translation>Products</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="41"/>
        <source>Categorias</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="42"/>
        <source>Importar e exportar</source>
        <translation>Import and export</translation>
    </message>
</context>
<context>
    <name>CatalogueFiles</name>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="18"/>
        <source>A ler o ficheiro</source>
        <translation>Reading the file</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="18"/>
        <source>A verificar</source>
        <translation>Checking</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="19"/>
        <source>A gravar</source>
        <translation>Saving</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="22"/>
        <source>Importar produtos de um ficheiro CSV</source>
        <translation>Import products from a CSV file</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="23"/>
        <source>CSV (*.csv *.txt);;Todos (*)</source>
        <translation>CSV (*.csv *.txt);;All (*)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="24"/>
        <source>ficheiro CSV (código;descrição;preço;iva;…)</source>
        <translation>CSV file (code;description;price;vat;…)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="25"/>
        <source>Pré-visualizar</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="28"/>
        <location filename="../../ui/backoffice/catalogue_io.py" line="30"/>
        <source>Linha</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="28"/>
        <location filename="../../ui/backoffice/catalogue_io.py" line="30"/>
        <source>Código</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="28"/>
        <source>Problema</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="30"/>
        <source>Ação</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="31"/>
        <source>Descrição</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="31"/>
        <source>Preço</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="31"/>
        <source>IVA</source>
        <translation>VAT</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="33"/>
        <source>Importar só as linhas válidas (as recusadas ficam de fora)</source>
        <translation>Import only the valid rows (refused ones are left out)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="36"/>
        <source>Importar</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="48"/>
        <source>Exportar o catálogo</source>
        <translation>Export the catalogue</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="49"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="49"/>
        <source>catalogo.csv</source>
        <translation>catalogue.csv</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="50"/>
        <source>Com os inativos</source>
        <translation>With inactive ones</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="51"/>
        <source>Exportar</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="70"/>
        <source>Escolha o ficheiro CSV a importar.</source>
        <translation>Choose the CSV file to import.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="75"/>
        <source>A pré-visualizar…</source>
        <translation>Previewing…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="81"/>
        <source>%1 linhas: %2 novos, %3 alterados, %4 sem alteração, %5 recusadas (colunas separadas por &apos;%6&apos;, %7).</source>
        <translation>%1 rows: %2 new, %3 changed, %4 unchanged, %5 refused (columns separated by &apos;%6&apos;, %7).</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="88"/>
        <source>novo</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="88"/>
        <source>alterado</source>
        <translation>changed</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="89"/>
        <source>igual</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="89"/>
        <source>recusado</source>
        <translation>refused</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backoffice/catalogue_io.py" line="98"/>
        <source>%n linha(s) recusada(s): corrija o ficheiro, ou escolha importar só as linhas válidas.</source>
        <translation>
            <numerusform>%n row refused: correct the file, or choose to import only the valid rows.</numerusform>
            <numerusform>%n rows refused: correct the file, or choose to import only the valid rows.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="101"/>
        <source>Tudo certo: carregue em Importar.</source>
        <translation>All good: press Import.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="106"/>
        <source>Pré-visualize este ficheiro antes de o importar.</source>
        <translation>Preview this file before importing it.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="110"/>
        <source>A importar…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="115"/>
        <source>Importado: %1 novos, %2 alterados, %3 sem alteração, %4 deixados de fora.</source>
        <translation>Imported: %1 new, %2 changed, %3 unchanged, %4 left out.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="123"/>
        <source>Indique o ficheiro onde gravar o catálogo.</source>
        <translation>Give the file to save the catalogue to.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue_io.py" line="126"/>
        <source>A exportar…</source>
        <translation>Exporting…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backoffice/catalogue_io.py" line="128"/>
        <source>%n produto(s) exportado(s) para %1.</source>
        <translation>
            <numerusform>%n product exported to %1.</numerusform>
            <numerusform>%n products exported to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CategoriesTab</name>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="244"/>
        <source>Categoria</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="244"/>
        <source>Ordem</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="244"/>
        <source>Na caixa</source>
        <translation>At the till</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="245"/>
        <source>Produtos</source>
        <translation>Products</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="247"/>
        <source>nome da categoria</source>
        <translation>category name</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="248"/>
        <source>Acrescentar</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="249"/>
        <source>Mudar o nome</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="250"/>
        <source>▲ Subir</source>
        <translation>▲ Up</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="251"/>
        <source>▼ Descer</source>
        <translation>▼ Down</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="252"/>
        <location filename="../../ui/backoffice/catalogue.py" line="280"/>
        <source>Esconder na caixa</source>
        <translation>Hide at the till</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="253"/>
        <source>Remover</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="260"/>
        <source>Nome</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="261"/>
        <source>A ordem é a dos separadores no ecrã de venda.</source>
        <translation>The order is that of the tabs on the sale screen.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="273"/>
        <source>sim</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="273"/>
        <source>não</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="281"/>
        <source>Mostrar na caixa</source>
        <translation>Show at the till</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="291"/>
        <source>Categoria acrescentada.</source>
        <translation>Category added.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="297"/>
        <source>Escolha uma categoria da lista.</source>
        <translation>Choose a category from the list.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="304"/>
        <source>Nome mudado.</source>
        <translation>Renamed.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="316"/>
        <source>Ordem mudada.</source>
        <translation>Order changed.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="322"/>
        <source>Guardado.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="329"/>
        <source>Categoria removida.</source>
        <translation>Category removed.</translation>
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
    <name>CompanyStep</name>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="50"/>
        <source>Empresa</source>
        <translation>Company</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="51"/>
        <source>NIF da empresa</source>
        <translation>the company&apos;s NIF</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="52"/>
        <source>nome como na AT</source>
        <translation>name as AT knows it</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="53"/>
        <source>nome da loja no talão (opcional)</source>
        <translation>the shop&apos;s name on receipts (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="56"/>
        <source>ex. 3000-150</source>
        <translation>e.g. 3000-150</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="58"/>
        <source>n.º que a AT deu ao programa</source>
        <translation>the number AT gave the program</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="59"/>
        <location filename="../../ui/backoffice/wizard_steps.py" line="60"/>
        <source>opcional</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="62"/>
        <source>Os dados da empresa saem em todos os documentos e no SAF-T.</source>
        <translation>The company&apos;s details are printed on every document and go into the SAF-T.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="63"/>
        <source>NIF</source>
        <translation>NIF</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="63"/>
        <source>Nome</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="64"/>
        <source>Nome comercial</source>
        <translation>Trading name</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="64"/>
        <source>Morada</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="65"/>
        <source>Localidade</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="65"/>
        <source>Código postal</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="66"/>
        <source>Região fiscal</source>
        <translation>Tax region</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="67"/>
        <source>Certificado do programa</source>
        <translation>Program&apos;s certificate</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="68"/>
        <source>Telefone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="68"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
</context>
<context>
    <name>CompanyTab</name>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="64"/>
        <source>NIF</source>
        <translation>NIF</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="64"/>
        <source>Nome</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="64"/>
        <source>Nome comercial</source>
        <translation>Trading name</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="65"/>
        <source>Morada</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="65"/>
        <source>Localidade</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="65"/>
        <source>Código postal</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="66"/>
        <source>Telefone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="66"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="66"/>
        <source>N.º do certificado</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="67"/>
        <source>Guardar</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="71"/>
        <source>O que muda?</source>
        <translation>What changes?</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="72"/>
        <source>Mudar a região</source>
        <translation>Change the region</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="77"/>
        <source>Região fiscal</source>
        <translation>Tax region</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="99"/>
        <source>Nada mudou.</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="103"/>
        <source>Empresa guardada.</source>
        <translation>Company saved.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="107"/>
        <source>De %1 para %2: %3; %4 produto(s) mudam de taxa (os preços ficam).</source>
        <translation>From %1 to %2: %3; %4 product(s) change rate (prices stay).</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="117"/>
        <source>Mudar a região fiscal? Os documentos novos levam as taxas novas. Carregue outra vez para confirmar.</source>
        <translation>Change the tax region? New documents take the new rates. Press again to confirm.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="123"/>
        <source>Região mudada.</source>
        <translation>Region changed.</translation>
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
    <name>CreditPanel</name>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="212"/>
        <source>Linha</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="212"/>
        <source>Artigo</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="212"/>
        <source>Qtd.</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="213"/>
        <source>Devolver</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="215"/>
        <source>Motivo da nota de crédito</source>
        <translation>Reason for the credit note</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="216"/>
        <source>Tudo</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="217"/>
        <source>Emitir nota de crédito</source>
        <translation>Issue the credit note</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="218"/>
        <source>Voltar</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="224"/>
        <source>Escreva a quantidade devolvida de cada linha.</source>
        <translation>Type the quantity returned of each line.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="231"/>
        <source>Nota de crédito de %1</source>
        <translation>Credit note on %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="276"/>
        <source>%1 emitida: %2.</source>
        <translation>%1 issued: %2.</translation>
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
        <location filename="../../ui/cashier/customer_display.py" line="120"/>
        <source>Desconto na venda   −%1</source>
        <translation>Discount on the sale   −%1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer_display.py" line="127"/>
        <source>Total %1</source>
        <translation>Total %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/customer_display.py" line="128"/>
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
    <name>CustomersArea</name>
    <message>
        <location filename="../../ui/backoffice/customers.py" line="18"/>
        <source>Procurar por nome, localidade ou NIF</source>
        <translation>Search by name, town or NIF</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/customers.py" line="20"/>
        <source>Procurar</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/customers.py" line="22"/>
        <location filename="../../ui/backoffice/customers.py" line="43"/>
        <source>NIF</source>
        <translation>NIF</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/customers.py" line="22"/>
        <location filename="../../ui/backoffice/customers.py" line="43"/>
        <source>Nome</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/customers.py" line="22"/>
        <location filename="../../ui/backoffice/customers.py" line="44"/>
        <source>Localidade</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/customers.py" line="23"/>
        <location filename="../../ui/backoffice/customers.py" line="46"/>
        <source>País</source>
        <translation>Country</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/customers.py" line="23"/>
        <source>Doc.</source>
        <translation>Docs</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/customers.py" line="29"/>
        <source>NIF, ou n.º fiscal estrangeiro (ex. ESB12345678)</source>
        <translation>NIF, or a foreign tax number (e.g. ESB12345678)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/customers.py" line="33"/>
        <source>ex. 1000-001</source>
        <translation>e.g. 1000-001</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/customers.py" line="34"/>
        <source>(pelo NIF)</source>
        <translation>(from the NIF)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/customers.py" line="37"/>
        <source>Novo</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/customers.py" line="38"/>
        <source>Guardar</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/customers.py" line="39"/>
        <source>Remover</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/customers.py" line="44"/>
        <source>Morada</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/customers.py" line="45"/>
        <source>Código postal</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/customers.py" line="78"/>
        <source>Já tem documentos: o NIF, o país e o nome ficam como estão; a morada pode mudar.</source>
        <translation>Documents name this customer: NIF, country and name stay as they are; the address may change.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/customers.py" line="107"/>
        <source>Nada mudou.</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/customers.py" line="113"/>
        <source>Cliente %1 guardado.</source>
        <translation>Customer %1 saved.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/customers.py" line="120"/>
        <source>Escolha um cliente da lista.</source>
        <translation>Choose a customer from the list.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/customers.py" line="123"/>
        <source>Remover %1? Carregue outra vez para confirmar.</source>
        <translation>Remove %1? Press again to confirm.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/customers.py" line="129"/>
        <source>%1 removido.</source>
        <translation>%1 removed.</translation>
    </message>
</context>
<context>
    <name>DashboardArea</name>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="21"/>
        <source>Atualizar</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="28"/>
        <source>Hoje</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="28"/>
        <source>Período</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="29"/>
        <source>Talão médio</source>
        <translation>Average sale</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="29"/>
        <source>Fila da AT</source>
        <translation>AT queue</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="30"/>
        <source>Integridade</source>
        <translation>Integrity</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="38"/>
        <source>Vendas por hora</source>
        <translation>Sales by hour</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="39"/>
        <location filename="../../ui/backoffice/dashboard.py" line="120"/>
        <source>Vendas por dia</source>
        <translation>Sales by day</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="43"/>
        <location filename="../../ui/backoffice/dashboard.py" line="51"/>
        <source>IVA</source>
        <translation>VAT</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="43"/>
        <source>Taxa</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="43"/>
        <source>Base</source>
        <translation>Base</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="44"/>
        <location filename="../../ui/backoffice/dashboard.py" line="47"/>
        <location filename="../../ui/backoffice/dashboard.py" line="49"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="45"/>
        <source>Meio de pagamento</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="45"/>
        <source>N.º</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="46"/>
        <source>Valor</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="47"/>
        <location filename="../../ui/backoffice/dashboard.py" line="53"/>
        <source>Utilizador</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="47"/>
        <location filename="../../ui/backoffice/dashboard.py" line="49"/>
        <source>Doc.</source>
        <translation>Docs</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="49"/>
        <location filename="../../ui/backoffice/dashboard.py" line="54"/>
        <location filename="../../ui/backoffice/dashboard.py" line="66"/>
        <source>Caixa</source>
        <translation>Till</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="52"/>
        <source>Pagamento</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="58"/>
        <source>Avisos</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="65"/>
        <source>Sessões de caixa abertas</source>
        <translation>Open cash sessions</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="66"/>
        <source>Quem</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="66"/>
        <source>Desde</source>
        <translation>Since</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backoffice/dashboard.py" line="93"/>
        <source>%n documento(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backoffice/dashboard.py" line="95"/>
        <source>IVA %1 · %n doc.</source>
        <translation>
            <numerusform>VAT %1 · %n doc.</numerusform>
            <numerusform>VAT %1 · %n docs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backoffice/dashboard.py" line="98"/>
        <source>%n venda(s)</source>
        <translation>
            <numerusform>%n sale</numerusform>
            <numerusform>%n sales</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="102"/>
        <source>Parada</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="104"/>
        <source>prazo %1</source>
        <translation>due %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="105"/>
        <source>sem prazos</source>
        <translation>nothing due</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="109"/>
        <source>por enviar · %1</source>
        <translation>to send · %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backoffice/dashboard.py" line="110"/>
        <source> · %n recusado(s)</source>
        <translation>
            <numerusform> · %n refused</numerusform>
            <numerusform> · %n refused</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="112"/>
        <source>Bloqueada</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="115"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="115"/>
        <source>sem alterações</source>
        <translation>no alterations</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="117"/>
        <source>Vendas por hora (%1 a %2)</source>
        <translation>Sales by hour (%1 to %2)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="129"/>
        <source>Modo de formação: os valores são dos documentos de formação.</source>
        <translation>Training mode: the figures are those of training documents.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="136"/>
        <source>Impressora: %1</source>
        <translation>Printer: %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/dashboard.py" line="139"/>
        <source>Nada a tratar.</source>
        <translation>Nothing to see to.</translation>
    </message>
</context>
<context>
    <name>DateRange</name>
    <message>
        <location filename="../../ui/backoffice/parts.py" line="143"/>
        <source>Hoje</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/parts.py" line="143"/>
        <source>Ontem</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/parts.py" line="144"/>
        <source>Últimos 7 dias</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/parts.py" line="145"/>
        <source>Este mês</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/parts.py" line="146"/>
        <source>Mês passado</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/parts.py" line="147"/>
        <source>Este ano</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/parts.py" line="148"/>
        <source>Outras datas</source>
        <translation>Other dates</translation>
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
    <name>DocumentsArea</name>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="34"/>
        <source>N.º (ex. FS A2026/12)</source>
        <translation>No. (e.g. FS A2026/12)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="35"/>
        <source>Cliente: NIF ou nome</source>
        <translation>Customer: NIF or name</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="36"/>
        <source>Total (€)</source>
        <translation>Total (€)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="38"/>
        <source>Todos os tipos</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="42"/>
        <source>Procurar</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="49"/>
        <source>Documento</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="49"/>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="49"/>
        <source>Cliente</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="50"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="56"/>
        <source>Escolha um documento para o ver como foi impresso.</source>
        <translation>Choose a document to see it as it was printed.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="59"/>
        <source>Motivo (reimpressão, anulação, nota de crédito)</source>
        <translation>Reason (reprint, cancellation, credit note)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="60"/>
        <source>Reimprimir</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="61"/>
        <source>Anular</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="62"/>
        <source>Nota de crédito</source>
        <translation>Credit note</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="63"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="63"/>
        <source>ficheiro PDF</source>
        <translation>PDF file</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="64"/>
        <source>Gravar PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="69"/>
        <source>E-mail do cliente</source>
        <translation>Customer's e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="70"/>
        <source>Enviar por e-mail</source>
        <translation>Send by e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="102"/>
        <source>Nenhum documento encontrado com estes critérios.</source>
        <translation>No document matches these criteria.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="138"/>
        <source>Escolha um documento da lista.</source>
        <translation>Choose a document from the list.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="152"/>
        <source>Nunca tinha sido impresso: saiu o original.</source>
        <translation>It had never been printed: the original came out.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="154"/>
        <source>Cópia impressa (%1).</source>
        <translation>Copy printed (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="156"/>
        <source>Não foi impresso: %1</source>
        <translation>Not printed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="164"/>
        <source>Escreva o motivo da anulação.</source>
        <translation>Type the reason for cancelling.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="167"/>
        <source>Anular %1? Fica anulado para sempre e é comunicado à AT. Carregue outra vez para confirmar.</source>
        <translation>Cancel %1? It stays cancelled for good and AT is told. Press again to confirm.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="174"/>
        <source>%1 anulado.</source>
        <translation>%1 cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="188"/>
        <source>PDF gravado em %1.</source>
        <translation>PDF saved to %1.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/documents.py" line="199"/>
        <source>%1 na fila de envio por e-mail para %2.</source>
        <translation>%1 queued to be e-mailed to %2.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../ui/backoffice/wizard.py" line="239"/>
        <source>Loja criada: caixa %1, chave de assinatura versão %2.</source>
        <translation>Shop created: till %1, signing key version %2.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard.py" line="242"/>
        <source>A caixa pode vender. Entre com o administrador e o seu PIN.</source>
        <translation>The till can sell. Sign in as the administrator with their PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard.py" line="244"/>
        <source>Ainda falta:</source>
        <translation>Still missing:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backoffice/wizard.py" line="247"/>
        <source>%n série(s) na fila de envio à AT: são enviadas logo que possível.</source>
        <translation>
            <numerusform>%n series queued for AT: sent as soon as possible.</numerusform>
            <numerusform>%n series queued for AT: sent as soon as possible.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesTab</name>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="237"/>
        <source>n.º no duplicado, ex. FT A2026/13</source>
        <translation>no. on the duplicate, e.g. FT A2026/13</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="239"/>
        <source>Voltar a registar</source>
        <translation>Enter again</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="241"/>
        <source>o que se perdeu e porquê</source>
        <translation>what was lost and why</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="243"/>
        <source>série</source>
        <translation>series</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="244"/>
        <source>último n.º nos duplicados</source>
        <translation>last no. on the duplicates</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="245"/>
        <source>Fechar as séries desta caixa</source>
        <translation>Close this till&apos;s series</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="247"/>
        <source>Depois de um restauro com perda de documentos</source>
        <translation>After a restore that lost documents</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="249"/>
        <source>As séries desta caixa são finalizadas no último número emitido, ou no último que os duplicados mostram (indique-o): registe séries novas antes de voltar a vender.</source>
        <translation>This till&apos;s series are finalised at the last number issued, or at the last one the duplicates show (give it): register new series before selling again.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="252"/>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="253"/>
        <source>Série com documentos perdidos</source>
        <translation>Series with lost documents</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="257"/>
        <source>Documento</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="266"/>
        <source>Registado de novo como %1.</source>
        <translation>Entered again as %1.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="272"/>
        <source>Finalizar todas as séries desta caixa? Carregue outra vez para confirmar.</source>
        <translation>Finalise all of this till&apos;s series? Press again to confirm.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backoffice/manual.py" line="278"/>
        <source>%n série(s) finalizada(s).</source>
        <translation>
            <numerusform>%n series finalised.</numerusform>
            <numerusform>%n series finalised.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmailPage</name>
    <message>
        <location filename="../../ui/cashier/email_page.py" line="25"/>
        <source>Endereço de e-mail do cliente (o documento segue em PDF).</source>
        <translation>The customer's e-mail address (the document goes as a PDF).</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/email_page.py" line="32"/>
        <source>cliente@exemplo.pt</source>
        <translation>customer@example.com</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/email_page.py" line="38"/>
        <source>Voltar</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/email_page.py" line="40"/>
        <source>Enviar</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/email_page.py" line="50"/>
        <source>Enviar %1 por e-mail</source>
        <translation>E-mail %1</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="182"/>
        <source>CSV ou PDF (*.csv *.pdf)</source>
        <translation>CSV or PDF (*.csv *.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="183"/>
        <source>ficheiro (.csv ou .pdf)</source>
        <translation>file (.csv or .pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="185"/>
        <source>Imprimir</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="186"/>
        <source>Gravar CSV</source>
        <translation>Save CSV</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="187"/>
        <source>Gravar PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="200"/>
        <source>Mostre primeiro o relatório.</source>
        <translation>Show the report first.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="211"/>
        <source>Relatório impresso.</source>
        <translation>Report printed.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="213"/>
        <source>Não foi impresso: %1</source>
        <translation>Not printed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="229"/>
        <source>PDF gravado em %1.</source>
        <translation>PDF saved to %1.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="232"/>
        <source>CSV gravado em %1.</source>
        <translation>CSV saved to %1.</translation>
    </message>
</context>
<context>
    <name>Gift</name>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="122"/>
        <source>Documento %1</source>
        <translation>Document %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="130"/>
        <source>Talão de oferta: sem preços.</source>
        <translation>Gift receipt: no prices.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="131"/>
        <source>Não serve de fatura.</source>
        <translation>Not an invoice.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/after_sale.py" line="132"/>
        <source>Para trocas, apresente este talão.</source>
        <translation>Bring this receipt to exchange goods.</translation>
    </message>
</context>
<context>
    <name>IntegrityArea</name>
    <message>
        <location filename="../../ui/backoffice/integrity.py" line="36"/>
        <source>Verificar tudo</source>
        <translation>Verify everything</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/integrity.py" line="38"/>
        <source>Documentos verificados</source>
        <translation>Documents verified</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/integrity.py" line="47"/>
        <source>PIN do administrador</source>
        <translation>administrator&apos;s PIN</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/integrity.py" line="50"/>
        <source>Confirmar o relatório</source>
        <translation>Acknowledge the report</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/integrity.py" line="52"/>
        <source>Confirmação por um administrador</source>
        <translation>An administrator&apos;s acknowledgement</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/integrity.py" line="54"/>
        <source>Depois de perceber o que foi alterado, um administrador confirma o relatório com o seu PIN: a caixa volta a emitir. Fica registado.</source>
        <translation>Once what was altered is understood, an administrator acknowledges the report with their PIN: the till issues again. It is put on record.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/integrity.py" line="70"/>
        <source>Emissão bloqueada nesta caixa</source>
        <translation>Issuing blocked on this till</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/integrity.py" line="71"/>
        <source>Dados alterados encontrados em %1.</source>
        <translation>Altered data found on %1.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/integrity.py" line="75"/>
        <source>Sem alertas de integridade</source>
        <translation>No integrity alerts</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/integrity.py" line="76"/>
        <source>Último relatório confirmado por %1 em %2.</source>
        <translation>Last report acknowledged by %1 on %2.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/integrity.py" line="103"/>
        <source>A verificar todas as cadeias e assinaturas…</source>
        <translation>Verifying every chain and signature…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/integrity.py" line="109"/>
        <source>Tudo certo: nenhum dado alterado.</source>
        <translation>All good: no data altered.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/integrity.py" line="111"/>
        <source>Foram encontrados dados alterados: a emissão está bloqueada até um administrador confirmar.</source>
        <translation>Altered data was found: issuing is blocked until an administrator acknowledges it.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/integrity.py" line="118"/>
        <source>Escolha o administrador que confirma.</source>
        <translation>Choose the administrator who acknowledges.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/integrity.py" line="123"/>
        <source>Escreva o PIN do administrador.</source>
        <translation>Type the administrator&apos;s PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/integrity.py" line="129"/>
        <source>Relatório confirmado: a caixa pode voltar a emitir.</source>
        <translation>Report acknowledged: the till may issue again.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/integrity.py" line="130"/>
        <source>Não havia nada bloqueado.</source>
        <translation>Nothing was blocked.</translation>
    </message>
</context>
<context>
    <name>KeyStep</name>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="137"/>
        <source>Chave de assinatura</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="138"/>
        <source>Gerar uma chave nova (RSA 1024, como a AT pede)</source>
        <translation>Generate a new key (RSA 1024, as AT asks)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="140"/>
        <source>Importar a chave que o programa já usava</source>
        <translation>Import the key the program used before</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="145"/>
        <source>PEM (*.pem *.key)</source>
        <translation>PEM (*.pem *.key)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="146"/>
        <source>palavra-passe da chave (se tiver)</source>
        <translation>the key&apos;s password (if any)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="148"/>
        <source>A chave assina cada documento; a sua parte pública vai para a AT (Modelo 24). Guarde uma cópia de segurança.</source>
        <translation>The key signs every document; its public part goes to AT (Modelo 24). Keep a backup.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="151"/>
        <source>Ficheiro</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="151"/>
        <source>Palavra-passe</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>KeyTab</name>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="218"/>
        <source>Versão</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="218"/>
        <source>Criada</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="218"/>
        <source>Em uso</source>
        <translation>In use</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="220"/>
        <source>PEM (*.pem)</source>
        <translation>PEM (*.pem)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="222"/>
        <source>Exportar a chave pública</source>
        <translation>Export the public key</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="224"/>
        <source>PEM (*.pem *.key)</source>
        <translation>PEM (*.pem *.key)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="225"/>
        <source>chave a importar (vazio: gerar nova)</source>
        <translation>key to import (empty: generate a new one)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="226"/>
        <source>palavra-passe da chave a importar</source>
        <translation>password of the key to import</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="228"/>
        <source>Nova chave de assinatura</source>
        <translation>New signing key</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="231"/>
        <source>A chave pública vai para a AT na declaração Modelo 24.</source>
        <translation>The public key goes to AT in the Modelo 24 declaration.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="233"/>
        <source>Uma nova chave assina a partir do próximo documento; as antigas ficam para verificar o que assinaram. Comunique a nova chave pública à AT.</source>
        <translation>A new key signs from the next document on; the old ones stay to verify what they signed. Send the new public key to AT.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="236"/>
        <source>Importar</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="237"/>
        <source>Palavra-passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="245"/>
        <source>sim</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="255"/>
        <source>Chave pública gravada em %1.</source>
        <translation>Public key saved to %1.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="259"/>
        <source>Mudar a chave de assinatura? Carregue outra vez para confirmar.</source>
        <translation>Change the signing key? Press again to confirm.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="267"/>
        <source>Chave versão %1 em uso.</source>
        <translation>Key version %1 in use.</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="55"/>
        <source>espaço</source>
        <translation>space</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/backoffice/kit.py" line="193"/>
        <source>Continente (PT)</source>
        <translation>Mainland (PT)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/kit.py" line="194"/>
        <source>Açores (PT-AC)</source>
        <translation>Azores (PT-AC)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/kit.py" line="195"/>
        <source>Madeira (PT-MA)</source>
        <translation>Madeira (PT-MA)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/kit.py" line="199"/>
        <source>Operador de caixa</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/kit.py" line="200"/>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/kit.py" line="201"/>
        <source>Gerente</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/kit.py" line="202"/>
        <source>Administrador</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/kit.py" line="209"/>
        <source>Dar descontos (até ao limite em %)</source>
        <translation>Give discounts (up to the limit in %)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/kit.py" line="210"/>
        <source>Alterar o preço de um artigo na venda</source>
        <translation>Change an item&apos;s price in the sale</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/kit.py" line="211"/>
        <source>Anular linhas ou a venda em curso</source>
        <translation>Void lines or the sale in progress</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/kit.py" line="212"/>
        <source>Reimprimir documentos (2.ª via)</source>
        <translation>Reprint documents (copies)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/kit.py" line="213"/>
        <source>Abrir a gaveta sem venda</source>
        <translation>Open the drawer without a sale</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/kit.py" line="214"/>
        <source>Emitir notas de crédito (devoluções)</source>
        <translation>Issue credit notes (returns)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/kit.py" line="215"/>
        <source>Anular documentos emitidos</source>
        <translation>Cancel issued documents</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/kit.py" line="216"/>
        <source>Entrar no back office (catálogo, clientes, relatórios)</source>
        <translation>Enter the back office (catalogue, customers, reports)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/kit.py" line="218"/>
        <source>Gerir utilizadores, perfis e PINs</source>
        <translation>Manage users, roles and PINs</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/kit.py" line="219"/>
        <source>Mudar a empresa, a região fiscal, as séries, a AT, as chaves e as impressoras</source>
        <translation>Change the company, tax region, series, AT, keys and printers</translation>
    </message>
</context>
<context>
    <name>LanguageTab</name>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="262"/>
        <source>Guardar</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="265"/>
        <source>Língua dos ecrãs</source>
        <translation>Language of the screens</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="266"/>
        <source>A língua escolhida vale para a caixa e o back office a partir da próxima vez que abrirem.</source>
        <translation>The language chosen applies to the till and the back office the next time they open.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="277"/>
        <source>Língua guardada.</source>
        <translation>Language saved.</translation>
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
    <name>MailTab</name>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="15"/>
        <source>ex. smtp.exemplo.pt</source>
        <translation>e.g. smtp.example.com</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="16"/>
        <source>587</source>
        <translation>587</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="17"/>
        <source>STARTTLS (porta 587)</source>
        <translation>STARTTLS (port 587)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="18"/>
        <source>TLS (porta 465)</source>
        <translation>TLS (port 465)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="19"/>
        <source>Sem cifra (rede local)</source>
        <translation>No encryption (local network)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="20"/>
        <source>utilizador no servidor (se pedir)</source>
        <translation>user on the server (if it asks)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="21"/>
        <source>palavra-passe (não é mostrada)</source>
        <translation>password (never shown)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="22"/>
        <source>ex. loja@exemplo.pt</source>
        <translation>e.g. shop@example.com</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="23"/>
        <source>ex. Loja Demo</source>
        <translation>e.g. Demo Shop</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="24"/>
        <source>Guardar</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="26"/>
        <source>enviar um teste para…</source>
        <translation>send a test to…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="27"/>
        <source>Enviar teste</source>
        <translation>Send test</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="30"/>
        <source>Servidor de envio (SMTP)</source>
        <translation>Outgoing server (SMTP)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="32"/>
        <source>Servidor</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="32"/>
        <source>Porta</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="33"/>
        <source>Segurança</source>
        <translation>Security</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="33"/>
        <source>Utilizador</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="34"/>
        <source>Palavra-passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="34"/>
        <source>Remetente</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="35"/>
        <source>Nome do remetente</source>
        <translation>Sender name</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="46"/>
        <source>Envio por %1:%2 · palavra-passe: %3</source>
        <translation>Sending through %1:%2 · password: %3</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="48"/>
        <source>guardada</source>
        <translation>stored</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="48"/>
        <source>nenhuma</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="49"/>
        <source>O envio de documentos por e-mail não está configurado.</source>
        <translation>Sending documents by e-mail is not set up.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="62"/>
        <source>%1 e-mail(s) por enviar, %2 recusado(s).</source>
        <translation>%1 e-mail(s) waiting, %2 refused.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="75"/>
        <source>Definições de e-mail guardadas.</source>
        <translation>E-mail settings saved.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_mail.py" line="83"/>
        <source>Mensagem de teste aceite pelo servidor (%1).</source>
        <translation>Test message accepted by the server (%1).</translation>
    </message>
</context>
<context>
    <name>ManualArea</name>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="30"/>
        <source>Livros</source>
        <translation>Books</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="30"/>
        <source>Recuperar</source>
        <translation>Recover</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="31"/>
        <source>Em falta</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="32"/>
        <source>Inoperacionalidade</source>
        <translation>Downtime</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="33"/>
        <source>Duplicados</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="34"/>
        <source>Guias em papel</source>
        <translation>Paper guides</translation>
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
    <name>MissingTab</name>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="173"/>
        <source>Livro</source>
        <translation>Book</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="173"/>
        <source>Série</source>
        <translation>Series</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="173"/>
        <source>Recuperados</source>
        <translation>Recovered</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="174"/>
        <source>Inutilizados</source>
        <translation>Spoilt</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="174"/>
        <source>Em falta</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="175"/>
        <source>Números em falta</source>
        <translation>Missing numbers</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="177"/>
        <source>Cada impresso usado tem de ser recuperado ou dado como inutilizado: os números em falta estão aqui.</source>
        <translation>Every form used must be recovered or marked as spoilt: the numbers still missing are here.</translation>
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
    <name>Pager</name>
    <message>
        <location filename="../../ui/backoffice/parts.py" line="123"/>
        <source>%1–%2 de %3</source>
        <translation>%1–%2 of %3</translation>
    </message>
</context>
<context>
    <name>PaperEntry</name>
    <message>
        <location filename="../../ui/backoffice/manual_forms.py" line="71"/>
        <source>só se a data sai dos períodos registados</source>
        <translation>only if the date is outside the recorded periods</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual_forms.py" line="72"/>
        <source>NIF (vazio: consumidor final)</source>
        <translation>NIF (empty: final consumer)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual_forms.py" line="73"/>
        <source>nome</source>
        <translation>name</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual_forms.py" line="74"/>
        <source>morada</source>
        <translation>address</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual_forms.py" line="75"/>
        <source>localidade</source>
        <translation>town</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual_forms.py" line="76"/>
        <source>código postal</source>
        <translation>postcode</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual_forms.py" line="77"/>
        <source>código do artigo</source>
        <translation>item code</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual_forms.py" line="78"/>
        <source>qtd.</source>
        <translation>qty</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual_forms.py" line="79"/>
        <source>preço no papel (opcional)</source>
        <translation>price on the paper (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual_forms.py" line="80"/>
        <source>Acrescentar</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual_forms.py" line="81"/>
        <source>Tirar</source>
        <translation>Take out</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual_forms.py" line="82"/>
        <source>Artigo</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual_forms.py" line="82"/>
        <source>Qtd.</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual_forms.py" line="82"/>
        <source>Preço</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual_forms.py" line="91"/>
        <source>Cliente</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual_forms.py" line="93"/>
        <source>NIF</source>
        <translation>NIF</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual_forms.py" line="93"/>
        <source>Nome</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual_forms.py" line="94"/>
        <source>Morada</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual_forms.py" line="94"/>
        <source>Localidade</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual_forms.py" line="95"/>
        <source>Código postal</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual_forms.py" line="96"/>
        <source>Artigos</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual_forms.py" line="103"/>
        <source>Data no papel</source>
        <translation>Date on the paper</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual_forms.py" line="104"/>
        <source>Motivo da data</source>
        <translation>Reason for the date</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual_forms.py" line="105"/>
        <source>Pagamento</source>
        <translation>Payment</translation>
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
    <name>PathField</name>
    <message>
        <location filename="../../ui/backoffice/parts.py" line="208"/>
        <source>Escolher…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/parts.py" line="222"/>
        <source>Escolher pasta</source>
        <translation>Choose a folder</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/parts.py" line="224"/>
        <source>Gravar como</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/parts.py" line="227"/>
        <source>Abrir ficheiro</source>
        <translation>Open a file</translation>
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
    <name>PaymentsStep</name>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="175"/>
        <source>Pagamentos</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="183"/>
        <source>Os meios aceites na caixa (o numerário é obrigatório: o troco e a contagem são em dinheiro).</source>
        <translation>The methods the till accepts (cash is required: change and the count are in cash).</translation>
    </message>
</context>
<context>
    <name>PaymentsTab</name>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="204"/>
        <source>▲ Subir</source>
        <translation>▲ Up</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="205"/>
        <source>▼ Descer</source>
        <translation>▼ Down</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="206"/>
        <source>Guardar</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="210"/>
        <source>Marque os meios aceites; a ordem é a dos botões na caixa. O numerário é sempre aceite.</source>
        <translation>Tick the methods accepted; the order is that of the till&apos;s buttons. Cash is always accepted.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="248"/>
        <source>Meios de pagamento guardados: %1.</source>
        <translation>Payment methods saved: %1.</translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="60"/>
        <source>Mostrar inativos</source>
        <translation>Show inactive</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="62"/>
        <location filename="../../ui/backoffice/staff.py" line="80"/>
        <source>Utilizador</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="62"/>
        <location filename="../../ui/backoffice/staff.py" line="80"/>
        <source>Nome</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="62"/>
        <location filename="../../ui/backoffice/staff.py" line="81"/>
        <source>Perfil</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="63"/>
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="65"/>
        <source>ex. ana (sem espaços)</source>
        <translation>e.g. ana (no spaces)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="68"/>
        <source>Pode entrar</source>
        <translation>May sign in</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="69"/>
        <source>4 a 8 algarismos</source>
        <translation>4 to 8 digits</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="70"/>
        <source>repita o PIN</source>
        <translation>repeat the PIN</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="72"/>
        <source>Novo</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="73"/>
        <source>Guardar</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="74"/>
        <source>Mudar o PIN</source>
        <translation>Change the PIN</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="75"/>
        <source>Desbloquear</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="82"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="82"/>
        <source>Repetir PIN</source>
        <translation>Repeat PIN</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="101"/>
        <source>inativo</source>
        <translation>inactive</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="103"/>
        <source>bloqueado até %1</source>
        <translation>locked until %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backoffice/staff.py" line="105"/>
        <source>%n PIN(s) errado(s)</source>
        <translation>
            <numerusform>%n wrong PIN</numerusform>
            <numerusform>%n wrong PINs</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="106"/>
        <source>ativo</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="135"/>
        <source>Os dois PIN não são iguais: escreva-os outra vez.</source>
        <translation>The two PINs differ: type them again.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="160"/>
        <source>Nada mudou (o PIN muda-se com &apos;Mudar o PIN&apos;).</source>
        <translation>Nothing changed (the PIN is changed with &apos;Change the PIN&apos;).</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="166"/>
        <source>%1 guardado.</source>
        <translation>%1 saved.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="173"/>
        <location filename="../../ui/backoffice/staff.py" line="187"/>
        <source>Escolha um utilizador da lista.</source>
        <translation>Choose a user from the list.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="182"/>
        <source>PIN de %1 mudado.</source>
        <translation>%1&apos;s PIN changed.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="192"/>
        <source>%1 desbloqueado.</source>
        <translation>%1 unlocked.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="193"/>
        <source>%1 não estava bloqueado.</source>
        <translation>%1 was not locked.</translation>
    </message>
</context>
<context>
    <name>PeriodsTab</name>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="195"/>
        <source>Desde</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="195"/>
        <source>Até</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="195"/>
        <location filename="../../ui/backoffice/manual.py" line="204"/>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="196"/>
        <source>Registado por</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="198"/>
        <source>ex. falha de energia</source>
        <translation>e.g. power cut</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="199"/>
        <source>Começou</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="201"/>
        <source>Terminou</source>
        <translation>Ended</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="204"/>
        <source>Início</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="206"/>
        <source>Fim (do período escolhido, ou do que está em curso)</source>
        <translation>End (of the period chosen, or of the one still going on)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="213"/>
        <source>em curso</source>
        <translation>ongoing</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="219"/>
        <source>Período registado.</source>
        <translation>Period recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="226"/>
        <source>Período terminado.</source>
        <translation>Period ended.</translation>
    </message>
</context>
<context>
    <name>PlaceStep</name>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="83"/>
        <source>Loja e caixa</source>
        <translation>Shop and till</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="85"/>
        <location filename="../../ui/backoffice/wizard_steps.py" line="88"/>
        <source>vazio: o da empresa</source>
        <translation>empty: the company&apos;s</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="86"/>
        <location filename="../../ui/backoffice/wizard_steps.py" line="87"/>
        <source>vazio: a da empresa</source>
        <translation>empty: the company&apos;s</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="92"/>
        <source>Estabelecimento</source>
        <translation>Establishment</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="93"/>
        <location filename="../../ui/backoffice/wizard_steps.py" line="97"/>
        <source>Código</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="93"/>
        <location filename="../../ui/backoffice/wizard_steps.py" line="97"/>
        <source>Nome</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="94"/>
        <source>Morada</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="94"/>
        <source>Localidade</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="95"/>
        <source>Código postal</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="96"/>
        <source>Primeira caixa</source>
        <translation>First till</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="98"/>
        <source>O código da caixa entra no nome das séries (ex. CX1N2026).</source>
        <translation>The till&apos;s code goes into the series&apos; names (e.g. CX1N2026).</translation>
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
    <name>PrinterStep</name>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="208"/>
        <source>Impressora</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="209"/>
        <source>Sem impressora por agora</source>
        <translation>No printer for now</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="210"/>
        <source>Impressora de talões</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="215"/>
        <source>tcp:192.168.1.50:9100, usb:04b8:0202, cups:NOME…</source>
        <translation>tcp:192.168.1.50:9100, usb:04b8:0202, cups:NAME…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="218"/>
        <source>Página de teste</source>
        <translation>Test page</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="221"/>
        <source>Ligação</source>
        <translation>Connection</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="222"/>
        <source>Modelo</source>
        <translation>Model</translation>
    </message>
</context>
<context>
    <name>PrinterTab</name>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="52"/>
        <source>tcp:192.168.1.50:9100, usb:04b8:0202, cups:NOME…</source>
        <translation>tcp:192.168.1.50:9100, usb:04b8:0202, cups:NAME…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="56"/>
        <source>Guardar</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="57"/>
        <source>Página de teste</source>
        <translation>Test page</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="58"/>
        <source>Pré-visualizar talão</source>
        <translation>Preview a receipt</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="59"/>
        <source>Sem impressora</source>
        <translation>No printer</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="66"/>
        <source>Ligação</source>
        <translation>Connection</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="67"/>
        <source>Modelo</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="79"/>
        <source>Esta caixa não tem impressora configurada.</source>
        <translation>This till has no printer set.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="89"/>
        <source>Impressora guardada.</source>
        <translation>Printer saved.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings_devices.py" line="116"/>
        <source>Esta caixa fica sem impressora.</source>
        <translation>This till has no printer now.</translation>
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
    <name>ProductsTab</name>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="51"/>
        <source>Procurar por nome, código ou código de barras</source>
        <translation>Search by name, code or barcode</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="53"/>
        <location filename="../../ui/backoffice/catalogue.py" line="109"/>
        <source>Todas as categorias</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="55"/>
        <source>Inativos</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="57"/>
        <location filename="../../ui/backoffice/catalogue.py" line="81"/>
        <source>Código</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="57"/>
        <location filename="../../ui/backoffice/catalogue.py" line="81"/>
        <source>Descrição</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="57"/>
        <location filename="../../ui/backoffice/catalogue.py" line="82"/>
        <source>Preço</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="58"/>
        <location filename="../../ui/backoffice/catalogue.py" line="82"/>
        <source>IVA</source>
        <translation>VAT</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="58"/>
        <location filename="../../ui/backoffice/catalogue.py" line="86"/>
        <source>Categoria</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="64"/>
        <source>ex. PAO01</source>
        <translation>e.g. PAO01</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="65"/>
        <source>como sai no talão</source>
        <translation>as printed on the receipt</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="66"/>
        <source>com IVA, ex. 1,20</source>
        <translation>VAT included, e.g. 1,20</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="71"/>
        <source>EAN (opcional)</source>
        <translation>EAN (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="73"/>
        <source>À venda</source>
        <translation>On sale</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="75"/>
        <source>Novo</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="76"/>
        <source>Guardar</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="77"/>
        <location filename="../../ui/backoffice/catalogue.py" line="146"/>
        <location filename="../../ui/backoffice/catalogue.py" line="160"/>
        <source>Remover</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="83"/>
        <source>Isenção</source>
        <translation>Exemption</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="83"/>
        <source>Unidade</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="84"/>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="84"/>
        <source>Código de barras</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="102"/>
        <source>(nenhuma)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="119"/>
        <source> (inativo)</source>
        <translation> (inactive)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="142"/>
        <source>Já vendido: a descrição e o tipo já não podem mudar (crie um artigo novo para outro produto).</source>
        <translation>Already sold: its description and type can no longer change (create a new item for another product).</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="146"/>
        <source>Desativar</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="187"/>
        <source>Nada mudou.</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="193"/>
        <source>%1 guardado.</source>
        <translation>%1 saved.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="200"/>
        <source>Escolha um produto da lista.</source>
        <translation>Choose a product from the list.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="208"/>
        <source>Remover %1 do catálogo? Carregue outra vez para confirmar.</source>
        <translation>Remove %1 from the catalogue? Press again to confirm.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/catalogue.py" line="215"/>
        <source>%1 removido.</source>
        <translation>%1 removed.</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../ui/backoffice/parts.py" line="252"/>
        <source>Parar</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/parts.py" line="281"/>
        <source>A parar…</source>
        <translation>Stopping…</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="19"/>
        <source>por enviar</source>
        <translation>to send</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="19"/>
        <source>a enviar</source>
        <translation>being sent</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="20"/>
        <source>recusado</source>
        <translation>refused</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="20"/>
        <source>recebido</source>
        <translation>received</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="27"/>
        <source>Estado: %1 · tentativas: %2</source>
        <translation>Status: %1 · attempts: %2</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="30"/>
        <source>Prazo: %1</source>
        <translation>Due: %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="34"/>
        <source>Resposta da AT:</source>
        <translation>AT&apos;s answer:</translation>
    </message>
</context>
<context>
    <name>QueueTab</name>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="44"/>
        <source>Mostrar os já recebidos</source>
        <translation>Show those AT already has</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="46"/>
        <source>Envio</source>
        <translation>Duty</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="46"/>
        <source>O quê</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="46"/>
        <source>De</source>
        <translation>Of</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="47"/>
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="47"/>
        <source>Prazo</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="52"/>
        <source>Enviar agora</source>
        <translation>Send now</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="53"/>
        <source>Reenviar</source>
        <translation>Send again</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="54"/>
        <source>código AT da guia (do Portal)</source>
        <translation>the guide&apos;s AT code (from the Portal)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="55"/>
        <source>Resolver com o código</source>
        <translation>Resolve with the code</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="56"/>
        <source>motivo para parar</source>
        <translation>reason for stopping</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="57"/>
        <source>Parar envios</source>
        <translation>Stop sending</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="58"/>
        <source>Retomar envios</source>
        <translation>Resume sending</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="64"/>
        <source>Histórico e resposta da AT</source>
        <translation>History and AT&apos;s answer</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backoffice/queue_page.py" line="77"/>
        <source>%n por enviar</source>
        <translation>
            <numerusform>%n to send</numerusform>
            <numerusform>%n to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backoffice/queue_page.py" line="79"/>
        <source>%n a enviar</source>
        <translation>
            <numerusform>%n being sent</numerusform>
            <numerusform>%n being sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backoffice/queue_page.py" line="81"/>
        <source>%n recusado(s)</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="82"/>
        <source>canal: %1</source>
        <translation>channel: %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="85"/>
        <source>PARADA desde %1: %2</source>
        <translation>STOPPED since %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="97"/>
        <source>Nada na fila.</source>
        <translation>Nothing in the queue.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="107"/>
        <source>Escolha um envio da lista.</source>
        <translation>Choose a duty from the list.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="121"/>
        <source>Enviados: %1 recebidos, %2 a repetir, %3 recusados.</source>
        <translation>Sent: %1 received, %2 to try again, %3 refused.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="135"/>
        <source>Envio %1 volta a ser enviado.</source>
        <translation>Duty %1 will be sent again.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="143"/>
        <source>Envio %1 resolvido.</source>
        <translation>Duty %1 resolved.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="149"/>
        <source>Envios à AT parados nesta caixa.</source>
        <translation>Sending to AT stopped on this till.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/queue_page.py" line="154"/>
        <source>Envios à AT retomados.</source>
        <translation>Sending to AT resumed.</translation>
    </message>
</context>
<context>
    <name>RecoverTab</name>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="140"/>
        <source>n.º como está impresso, ex. 00017</source>
        <translation>no. as printed, e.g. 00017</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="141"/>
        <source>NC/ND: documento que corrige</source>
        <translation>NC/ND: the document it corrects</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="142"/>
        <source>NC/ND: motivo</source>
        <translation>NC/ND: reason</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="144"/>
        <source>Recuperar o documento</source>
        <translation>Recover the document</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="146"/>
        <source>Livro</source>
        <translation>Book</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="146"/>
        <source>N.º do impresso</source>
        <translation>Form no.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="147"/>
        <source>Corrige</source>
        <translation>Corrects</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="147"/>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="163"/>
        <source>Recuperado como %1 (ATCUD %2).</source>
        <translation>Recovered as %1 (ATCUD %2).</translation>
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
    <name>ReportTab</name>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="100"/>
        <source>Mostrar</source>
        <translation>Show</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="18"/>
        <source>%1 a %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="24"/>
        <source>Documentos</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="24"/>
        <location filename="../../ui/backoffice/reports.py" line="47"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="25"/>
        <location filename="../../ui/backoffice/reports.py" line="27"/>
        <source>Vendas</source>
        <translation>Sales</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="26"/>
        <source>Totais</source>
        <translation>Totals</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="27"/>
        <source>Notas de crédito</source>
        <translation>Credit notes</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="28"/>
        <source>Líquido</source>
        <translation>Net</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="28"/>
        <location filename="../../ui/backoffice/reports.py" line="55"/>
        <source>IVA</source>
        <translation>VAT</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="31"/>
        <source>Por dia</source>
        <translation>By day</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="31"/>
        <source>Dia</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="33"/>
        <source>Por meio de pagamento</source>
        <translation>By payment method</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="34"/>
        <source>Meio</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="34"/>
        <source>N.º</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="35"/>
        <location filename="../../ui/backoffice/reports.py" line="76"/>
        <source>Valor</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="37"/>
        <source>Por utilizador</source>
        <translation>By user</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="38"/>
        <source>Utilizador</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="40"/>
        <source>Por caixa</source>
        <translation>By till</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="40"/>
        <source>Caixa</source>
        <translation>Till</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="52"/>
        <source>Resumo do IVA</source>
        <translation>VAT summary</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="53"/>
        <source>Por taxa (vendas menos notas de crédito)</source>
        <translation>By rate (sales less credit notes)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="54"/>
        <source>Código</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="54"/>
        <source>Taxa</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="55"/>
        <source>Base</source>
        <translation>Base</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="62"/>
        <source>documento anulado</source>
        <translation>document cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="63"/>
        <source>venda anulada na caixa</source>
        <translation>sale voided at the till</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="64"/>
        <source>linha anulada</source>
        <translation>line voided</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="65"/>
        <source>venda suspensa anulada</source>
        <translation>parked sale voided</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="66"/>
        <source>impresso inutilizado</source>
        <translation>form spoilt</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="67"/>
        <source>Quando</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="67"/>
        <source>Quem</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="68"/>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="69"/>
        <source>Reimpressões e anulações</source>
        <translation>Reprints and voids</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="70"/>
        <source>Reimpressões</source>
        <translation>Reprints</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="71"/>
        <source>Documento</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="71"/>
        <source>Via</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="74"/>
        <source>Anulações</source>
        <translation>Voids</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="75"/>
        <source>O quê</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="75"/>
        <source>Documento / detalhe</source>
        <translation>Document / detail</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="85"/>
        <source>%1 · sessão %2 · %3</source>
        <translation>%1 · session %2 · %3</translation>
    </message>
</context>
<context>
    <name>ReportsArea</name>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="243"/>
        <source>Vendas</source>
        <translation>Sales</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="243"/>
        <source>IVA</source>
        <translation>VAT</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="244"/>
        <source>X e Z</source>
        <translation>X and Z</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="245"/>
        <source>Reimpressões e anulações</source>
        <translation>Reprints and voids</translation>
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
    <name>RolesTab</name>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="225"/>
        <source>Desconto máximo (%)</source>
        <translation>Largest discount (%)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="269"/>
        <source>Permissão guardada.</source>
        <translation>Permission saved.</translation>
    </message>
</context>
<context>
    <name>SaftArea</name>
    <message>
        <location filename="../../ui/backoffice/saft.py" line="32"/>
        <source>Um mês</source>
        <translation>A month</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/saft.py" line="33"/>
        <source>Um ano</source>
        <translation>A year</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/saft.py" line="44"/>
        <source>pasta onde gravar</source>
        <translation>folder to save to</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/saft.py" line="52"/>
        <source>Exportar</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/saft.py" line="53"/>
        <source>Validar</source>
        <translation>Validate</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/saft.py" line="54"/>
        <source>Abrir a pasta</source>
        <translation>Open the folder</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/saft.py" line="55"/>
        <source>Enviado à AT neste mês</source>
        <translation>Sent to AT for this month</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/saft.py" line="60"/>
        <source>A escrever documentos</source>
        <translation>Writing documents</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/saft.py" line="61"/>
        <source>A validar (esquema da AT, assinaturas e totais)</source>
        <translation>Validating (AT&apos;s schema, signatures and totals)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/saft.py" line="66"/>
        <source>Período</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/saft.py" line="67"/>
        <source>Ano</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/saft.py" line="68"/>
        <source>Pasta</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/saft.py" line="68"/>
        <source>Ficheiro</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/saft.py" line="103"/>
        <source>A exportar o SAF-T…</source>
        <translation>Exporting the SAF-T…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/saft.py" line="110"/>
        <source>SAF-T %1 gravado em %2:
%3 documentos (%4), %5 clientes, %6 produtos.</source>
        <translation>SAF-T %1 saved to %2:
%3 documents (%4), %5 customers, %6 products.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/saft.py" line="114"/>
        <source>Exportado. Valide o ficheiro antes de o entregar à AT.</source>
        <translation>Exported. Validate the file before handing it to AT.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/saft.py" line="119"/>
        <source>A validar…</source>
        <translation>Validating…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/saft.py" line="124"/>
        <source>Ficheiro válido.</source>
        <translation>The file is valid.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/saft.py" line="126"/>
        <source>O ficheiro tem problemas: veja a lista.</source>
        <translation>The file has problems: see the list.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/saft.py" line="131"/>
        <source>Não foi possível abrir a pasta %1.</source>
        <translation>Could not open the folder %1.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/saft.py" line="137"/>
        <source>Escolha o mês enviado à AT.</source>
        <translation>Choose the month sent to AT.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backoffice/saft.py" line="141"/>
        <source>%n documento(s) dados como comunicados pelo SAF-T.</source>
        <translation>
            <numerusform>%n document marked as sent through the SAF-T.</numerusform>
            <numerusform>%n documents marked as sent through the SAF-T.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SalePage</name>
    <message>
        <location filename="../../ui/cashier/sale.py" line="67"/>
        <source>Procurar artigo ou ler código de barras (F2)</source>
        <translation>Search an item or scan a barcode (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="85"/>
        <location filename="../../ui/cashier/sale.py" line="417"/>
        <source>Suspensas</source>
        <translation>Parked</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="86"/>
        <source>Caixa…</source>
        <translation>Till…</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="103"/>
        <source>Anular venda</source>
        <translation>Void sale</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="124"/>
        <source>Qtd.</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="125"/>
        <source>Remover</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="131"/>
        <location filename="../../ui/cashier/sale.py" line="191"/>
        <source>Desconto</source>
        <translation>Discount</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="132"/>
        <location filename="../../ui/cashier/sale.py" line="192"/>
        <source>Alterar preço</source>
        <translation>Change price</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="138"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="153"/>
        <source>Suspender</source>
        <translation>Park</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="155"/>
        <source>Cliente / NIF
F3</source>
        <translation>Customer / Tax no.
F3</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="157"/>
        <source>PAGAR
F4</source>
        <translation>PAY
F4</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="83"/>
        <source>Reimprimir</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="84"/>
        <source>Devolução</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="87"/>
        <source>Sair</source>
        <translation>Sign out</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cashier/sale.py" line="263"/>
        <source>%n artigo(s) para “%1”</source>
        <translation>
            <numerusform>%n item for “%1”</numerusform>
            <numerusform>%n items for “%1”</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="265"/>
        <source> — mostra os primeiros; escreva mais para afinar</source>
        <translation> — showing the first; type more to narrow</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="305"/>
        <source>Código desconhecido: %1</source>
        <translation>Unknown code: %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="373"/>
        <source>O carrinho está vazio.</source>
        <translation>The cart is empty.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cashier/sale.py" line="382"/>
        <source>Anular a venda toda (%n artigo(s), %1)?</source>
        <translation>
            <numerusform>Void the whole sale (%n item, %1)?</numerusform>
            <numerusform>Void the whole sale (%n items, %1)?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="384"/>
        <source>Sim, anular</source>
        <translation>Yes, void</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="389"/>
        <source>Venda anulada antes do pagamento.</source>
        <translation>Sale voided before payment.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="405"/>
        <source>Venda suspensa (%1): retome-a em Suspensas.</source>
        <translation>Sale parked (%1): resume it from Parked.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="416"/>
        <source>Suspensas (%1)</source>
        <translation>Parked (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="425"/>
        <source>Venda retomada.</source>
        <translation>Sale resumed.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cashier/sale.py" line="441"/>
        <source>%n artigo(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="444"/>
        <source>Consumidor final</source>
        <translation>Final consumer</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="450"/>
        <source>isenta de IVA (%1)</source>
        <translation>VAT exempt (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/sale.py" line="451"/>
        <source>Cliente: %1</source>
        <translation>Customer: %1</translation>
    </message>
</context>
<context>
    <name>SeriesArea</name>
    <message>
        <location filename="../../ui/backoffice/series.py" line="23"/>
        <source>Séries</source>
        <translation>Series</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="24"/>
        <source>Fila de envios à AT</source>
        <translation>Queue to AT</translation>
    </message>
</context>
<context>
    <name>SeriesStep</name>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="245"/>
        <source>Séries</source>
        <translation>Series</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="246"/>
        <source>Registei as séries no Portal das Finanças: escrevo os códigos que a AT deu</source>
        <translation>I registered the series on the Portal das Finanças: I type the codes AT gave</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="248"/>
        <source>Registar as séries agora pelo webservice da AT (precisa do acesso à AT configurado)</source>
        <translation>Register the series now through AT&apos;s web service (needs the access to AT set)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="255"/>
        <source>código de validação</source>
        <translation>validation code</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="260"/>
        <source>Série</source>
        <translation>Series</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="262"/>
        <source>Uma série por tipo de documento: FS fatura simplificada, FR fatura-recibo, FT fatura, NC nota de crédito.</source>
        <translation>One series per document type: FS simplified invoice, FR invoice-receipt, FT invoice, NC credit note.</translation>
    </message>
</context>
<context>
    <name>SeriesTab</name>
    <message>
        <location filename="../../ui/backoffice/series.py" line="31"/>
        <source>Caixa</source>
        <translation>Till</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="31"/>
        <location filename="../../ui/backoffice/series.py" line="35"/>
        <location filename="../../ui/backoffice/series.py" line="57"/>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="31"/>
        <location filename="../../ui/backoffice/series.py" line="35"/>
        <location filename="../../ui/backoffice/series.py" line="57"/>
        <source>Série</source>
        <translation>Series</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="32"/>
        <location filename="../../ui/backoffice/series.py" line="58"/>
        <source>Espécie</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="32"/>
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="32"/>
        <source>Código AT</source>
        <translation>AT code</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="33"/>
        <source>Último n.º</source>
        <translation>Last no.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="33"/>
        <source>Último uso</source>
        <translation>Last used</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="35"/>
        <source>Ação</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="35"/>
        <source>Ano</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="36"/>
        <source>Nota</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="37"/>
        <source>Pedir à AT o que falta</source>
        <translation>Ask AT for what is missing</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="39"/>
        <source>Reservado à frente: o que esta caixa precisa</source>
        <translation>Reserved ahead: what this till needs</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="43"/>
        <source>ex. CX1N2026</source>
        <translation>e.g. CX1N2026</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="45"/>
        <source>código de validação dado no Portal da AT</source>
        <translation>validation code given on AT&apos;s Portal</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="46"/>
        <source>ex. substituída pela série de 2027</source>
        <translation>e.g. replaced by the 2027 series</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="47"/>
        <source>Registar na AT</source>
        <translation>Register with AT</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="48"/>
        <source>Acrescentar</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="49"/>
        <source>Finalizar na AT</source>
        <translation>Finalise with AT</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="50"/>
        <source>Anular na AT</source>
        <translation>Cancel with AT</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="58"/>
        <source>Código AT (do Portal)</source>
        <translation>AT code (from the Portal)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="59"/>
        <source>Motivo (finalizar)</source>
        <translation>Reason (finalise)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="60"/>
        <source>Sem ligação à AT: registe a série no Portal das Finanças e acrescente-a aqui com o código que a AT deu.</source>
        <translation>Without a link to AT: register the series on the Portal das Finanças and add it here with the code AT gave.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="81"/>
        <source>registar</source>
        <translation>register</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="81"/>
        <source>finalizar</source>
        <translation>finalise</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="82"/>
        <source>anular</source>
        <translation>cancel</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="82"/>
        <source>em uso</source>
        <translation>in use</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="83"/>
        <source>à espera da AT</source>
        <translation>waiting for AT</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backoffice/series.py" line="108"/>
        <source>%n pedido(s) na fila de envios à AT.</source>
        <translation>
            <numerusform>%n request queued for AT.</numerusform>
            <numerusform>%n requests queued for AT.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="116"/>
        <source>Pedido na fila de envios à AT (envio %1).</source>
        <translation>Request queued for AT (duty %1).</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/series.py" line="123"/>
        <source>Série acrescentada.</source>
        <translation>Series added.</translation>
    </message>
</context>
<context>
    <name>SessionsTab</name>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="143"/>
        <source>Mostrar</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="145"/>
        <source>Sessão</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="145"/>
        <source>Aberta</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="145"/>
        <source>Fechada</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="146"/>
        <source>Quem</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="146"/>
        <source>Z</source>
        <translation>Z</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports.py" line="164"/>
        <source>aberta</source>
        <translation>open</translation>
    </message>
</context>
<context>
    <name>SettingsArea</name>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="45"/>
        <source>Empresa</source>
        <translation>Company</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="45"/>
        <source>Lojas e caixas</source>
        <translation>Shops and tills</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="46"/>
        <source>Impressora</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="47"/>
        <source>Pagamentos</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="47"/>
        <source>AT</source>
        <translation>AT</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="48"/>
        <source>Chave</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="48"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="49"/>
        <source>Língua</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="53"/>
        <source>Pode consultar; só quem muda as definições (por omissão, o administrador) as pode alterar.</source>
        <translation>You may look; only those who change settings (the administrator by default) may change them.</translation>
    </message>
</context>
<context>
    <name>SignInArea</name>
    <message>
        <location filename="../../ui/backoffice/signin.py" line="42"/>
        <source>Back office</source>
        <translation>Back office</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/signin.py" line="44"/>
        <source>Gerentes e administradores: toque no seu nome e escreva o PIN.</source>
        <translation>Managers and administrators: tap your name and type your PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/signin.py" line="55"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/signin.py" line="66"/>
        <source>Entrar</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/signin.py" line="96"/>
        <source>Ninguém pode entrar no back office: nenhum utilizador ativo tem essa permissão.</source>
        <translation>Nobody can enter the back office: no active user has that permission.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/signin.py" line="110"/>
        <source>Toque no seu nome primeiro.</source>
        <translation>Tap your name first.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/signin.py" line="113"/>
        <source>Escreva o PIN.</source>
        <translation>Type the PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/signin.py" line="119"/>
        <source>A verificar…</source>
        <translation>Checking…</translation>
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
    <name>StaffArea</name>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="45"/>
        <source>Utilizadores</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="46"/>
        <source>Perfis e permissões</source>
        <translation>Roles and permissions</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="50"/>
        <source>Pode consultar; só quem gere utilizadores (por omissão, o administrador) muda perfis e PINs.</source>
        <translation>You may look; only those who manage users (the administrator by default) change roles and PINs.</translation>
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
    <name>SummaryStep</name>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="286"/>
        <source>Confirmar</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="291"/>
        <source>Tudo pronto para criar a loja</source>
        <translation>All set to create the shop</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="292"/>
        <source>Língua dos ecrãs</source>
        <translation>Language of the screens</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard_steps.py" line="293"/>
        <source>Até carregar em &apos;Criar a loja&apos; nada foi gravado: pode voltar atrás e corrigir, ou sair sem deixar nada feito.</source>
        <translation>Nothing is saved until you press &apos;Create the shop&apos;: you may go back and correct, or leave with nothing done.</translation>
    </message>
</context>
<context>
    <name>TillWindow</name>
    <message>
        <location filename="../../ui/cashier/window.py" line="120"/>
        <source>Impressora: %1</source>
        <translation>Printer: %1</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window.py" line="123"/>
        <source>não configurada</source>
        <translation>not set up</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window.py" line="291"/>
        <source>Termine, suspenda ou anule a venda antes de sair.</source>
        <translation>Finish, park or void the sale before signing out.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window.py" line="309"/>
        <source>Registe primeiro os artigos.</source>
        <translation>Register the items first.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window.py" line="341"/>
        <source>Esta venda tem de ser fatura com nome e morada do cliente.</source>
        <translation>This sale must be an invoice with the customer&apos;s name and address.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window.py" line="359"/>
        <source>A emitir…</source>
        <translation>Issuing…</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window.py" line="378"/>
        <source>%1 emitida · %2</source>
        <translation>%1 issued · %2</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window.py" line="381"/>
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
        <location filename="../../ui/cashier/window_receipts.py" line="76"/>
        <source>%1 segue por e-mail para %2.</source>
        <translation>%1 is on its way by e-mail to %2.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="84"/>
        <source>Cópia de %1 impressa (%2).</source>
        <translation>Copy of %1 printed (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="87"/>
        <source>Cópia de %1 não impressa: %2</source>
        <translation>Copy of %1 not printed: %2</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="93"/>
        <source>A imprimir a cópia de %1…</source>
        <translation>Printing the copy of %1…</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="106"/>
        <source>%1 emitida: abate %2 ao que o cliente deve.</source>
        <translation>%1 issued: %2 off what the customer owes.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="111"/>
        <source>%1 em numerário</source>
        <translation>%1 in cash</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="112"/>
        <source>%1 emitida: devolva %2 ao cliente (%3).</source>
        <translation>%1 issued: give %2 back to the customer (%3).</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="125"/>
        <source>Gaveta aberta.</source>
        <translation>Drawer opened.</translation>
    </message>
    <message>
        <location filename="../../ui/cashier/window_receipts.py" line="127"/>
        <source>A gaveta não abriu (abre-se pela impressora): %1</source>
        <translation>The drawer did not open (it opens through the printer): %1</translation>
    </message>
</context>
<context>
    <name>TillsTab</name>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="133"/>
        <source>Estabelecimento</source>
        <translation>Establishment</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="133"/>
        <location filename="../../ui/backoffice/settings.py" line="145"/>
        <source>Nome</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="133"/>
        <location filename="../../ui/backoffice/settings.py" line="146"/>
        <source>Morada</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="134"/>
        <source>Caixas</source>
        <translation>Tills</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="138"/>
        <source>Guardar estabelecimento</source>
        <translation>Save the establishment</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="141"/>
        <source>Ligar o modo de formação</source>
        <translation>Turn training mode on</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="142"/>
        <source>Desligar o modo de formação</source>
        <translation>Turn training mode off</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="147"/>
        <source>Localidade</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="148"/>
        <source>Código postal</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="150"/>
        <source>Em formação, a caixa emite em séries de formação, sem valor fiscal (para aprender).</source>
        <translation>In training, the till issues in training series, with no fiscal value (to learn).</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="175"/>
        <source>Escolha um estabelecimento da lista.</source>
        <translation>Choose an establishment from the list.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="181"/>
        <source>Estabelecimento guardado.</source>
        <translation>Establishment saved.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="184"/>
        <source>Esta caixa (%1) está em modo de formação.</source>
        <translation>This till (%1) is in training mode.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="185"/>
        <source>Esta caixa (%1) emite documentos reais.</source>
        <translation>This till (%1) issues real documents.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="194"/>
        <source>Guardado: a caixa muda ao voltar a entrar.</source>
        <translation>Saved: the till changes at the next sign-in.</translation>
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
    <name>TransportTab</name>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="288"/>
        <source>n.º como está impresso</source>
        <translation>no. as printed</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="290"/>
        <source>código dado pela AT por telefone</source>
        <translation>code AT gave by phone</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="291"/>
        <source>matrícula (opcional)</source>
        <translation>number plate (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="293"/>
        <source>Registar a guia</source>
        <translation>Record the guide</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="295"/>
        <source>Livro</source>
        <translation>Book</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="295"/>
        <source>N.º do impresso</source>
        <translation>Form no.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="296"/>
        <source>Início do transporte</source>
        <translation>Transport starts</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="297"/>
        <source>Código AT</source>
        <translation>AT code</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="297"/>
        <source>Viatura</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/manual.py" line="311"/>
        <source>Guia registada como %1.</source>
        <translation>Guide recorded as %1.</translation>
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
<context>
    <name>Wizard</name>
    <message>
        <location filename="../../ui/backoffice/wizard.py" line="55"/>
        <source>Caixa · Configurar a loja</source>
        <translation>Caixa · Set up the shop</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard.py" line="90"/>
        <source>Anterior</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard.py" line="91"/>
        <location filename="../../ui/backoffice/wizard.py" line="122"/>
        <source>Seguinte</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard.py" line="92"/>
        <source>Sair sem criar</source>
        <translation>Leave without creating</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard.py" line="114"/>
        <source>Loja criada</source>
        <translation>Shop created</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard.py" line="121"/>
        <source>Criar a loja</source>
        <translation>Create the shop</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard.py" line="122"/>
        <source>Abrir a caixa</source>
        <translation>Open the till</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard.py" line="140"/>
        <source>A verificar…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard.py" line="149"/>
        <source>A criar a loja…</source>
        <translation>Creating the shop…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard.py" line="166"/>
        <source>Estabelecimento %1, caixa %2 (%3)</source>
        <translation>Establishment %1, till %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard.py" line="168"/>
        <source>Administrador: %1 (%2)</source>
        <translation>Administrator: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard.py" line="170"/>
        <source>Chave: gerar uma nova</source>
        <translation>Key: generate a new one</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard.py" line="170"/>
        <source>Chave: importada</source>
        <translation>Key: imported</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard.py" line="171"/>
        <source>Pagamentos: %1</source>
        <translation>Payments: %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard.py" line="172"/>
        <source>Impressora: %1</source>
        <translation>Printer: %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard.py" line="173"/>
        <source>nenhuma</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard.py" line="174"/>
        <source>Séries: %1</source>
        <translation>Series: %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard.py" line="185"/>
        <source>Loja criada.</source>
        <translation>Shop created.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard.py" line="187"/>
        <source>A registar as séries na AT…</source>
        <translation>Registering the series with AT…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard.py" line="194"/>
        <source>A AT registou as séries: a caixa pode vender.</source>
        <translation>AT registered the series: the till can sell.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard.py" line="196"/>
        <source>As séries ficam na fila: são enviadas à AT logo que possível.</source>
        <translation>The series stay queued: they go to AT as soon as possible.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/wizard.py" line="200"/>
        <source>A AT não registou as séries agora (%1); ficam na fila e são enviadas logo que possível.</source>
        <translation>AT did not register the series now (%1); they stay queued and are sent as soon as possible.</translation>
    </message>
</context>
</TS>
