// Labels in English and Brazilian Portuguese (the source help pages are Portuguese). The browser's language picks
// the default; the choice is remembered. Static labels carry data-i18n="key"; code uses t(key, values).
const messages = {
  en: {
    'tab.desk': 'My desk', 'tab.board': 'Supervisor', language: 'Language', signOut: 'Sign out',
    reconnecting: 'Connection lost; reconnecting…',
    'signIn.title': 'Sign in', 'signIn.tenant': 'Tenant', 'signIn.login': 'Login', 'signIn.password': 'Password',
    'signIn.submit': 'Sign in',
    'channels.title': 'My Channels', 'channels.allReady': 'Ready on all', 'channels.reason': 'Reason',
    'channels.allNotReady': 'Not Ready on all', 'channels.allLogin': 'Log in to all', 'channels.allLogoff': 'Log off all',
    'channels.channel': 'Channel', 'channels.state': 'State', 'channels.time': 'Time in state', 'channels.work': 'Work',
    'channels.actions': 'Actions', 'channels.dnd': 'Do Not Disturb (all channels)',
    'channels.forwardTo': 'Forward calls to', 'channels.forwardSet': 'Set', 'channels.forwardClear': 'Clear',
    'channels.forwarding': 'Calls are forwarded to {extension}.', 'channels.notForwarding': 'Calls are not forwarded.',
    'action.login': 'Log in', 'action.ready': 'Ready', 'action.notReady': 'Not Ready', 'action.logoff': 'Log off',
    'action.backToReady': 'Back to Ready',
    'offers.title': 'Offers', 'offers.none': 'No offers.', 'offers.accept': 'Accept', 'offers.reject': 'Reject',
    'offers.expires': 'Answer within {seconds} s',
    'work.title': 'My work', 'work.none': 'Nothing in hand.', 'work.end': 'End', 'work.done': 'Done…',
    'work.send': 'Send', 'work.message': 'Message', 'work.park': 'Park in', 'work.personal': 'my workbin',
    'work.team': 'team workbin', 'work.acw': 'After-Call-Work: {time} left', 'work.acwUntilDone': 'After-Call-Work until Done',
    'work.extend': 'Extend 30 s', 'work.wrapUp': 'Wrap-up', 'work.customer': 'Customer',
    'work.from': 'From', 'work.to': 'To', 'work.subject': 'Subject', 'work.attachments': 'Attachments',
    'work.caller': 'Caller', 'work.dialled': 'Dialled', 'work.call': 'Call', 'work.kind': 'Kind', 'work.title2': 'Title',
    'work.size': 'Size', 'work.document': 'Document', 'work.account': 'Account', 'work.handle': 'Handle',
    'work.you': 'You', 'work.queue': 'Queue',
    'workbins.title': 'Workbins', 'workbins.show': 'Show', 'workbins.personal': 'My workbin',
    'workbins.team': 'Team: {name}', 'workbins.empty': 'This workbin is empty.', 'workbins.pickUp': 'Pick up',
    'workbins.moveTo': 'Move to', 'workbins.move': 'Move',
    'board.agents': 'Agents', 'board.agent': 'Agent', 'board.channels': 'Channels', 'board.work': 'Current work',
    'board.queues': 'Queues', 'board.queue': 'Queue', 'board.waiting': 'Waiting', 'board.oldest': 'Oldest wait',
    'board.logOff': 'Log off', 'board.dnd': 'DND',
    'wrapup.title': 'Wrap-up', 'wrapup.code': 'Wrap-up code', 'wrapup.required': 'This queue requires a wrap-up code.',
    'wrapup.none': '— none —', 'wrapup.done': 'Mark Done', cancel: 'Cancel',
    'error.server': 'The server answered {status}.', 'error.network': 'The server cannot be reached.',
    'state.READY': 'Ready', 'state.NOT_READY': 'Not Ready', 'state.AFTER_CALL_WORK': 'After-Call-Work',
    'state.RONA': 'RONA (not answered)', 'state.PENDING_NOT_READY': 'Pending Not Ready', 'state.LOGGED_OUT': 'Logged off',
    'istate.OFFERED': 'Offered', 'istate.ACTIVE': 'Active', 'istate.WRAP_UP': 'Wrap-up', 'istate.PARKED': 'Parked',
    'istate.QUEUED': 'Waiting', 'istate.DONE': 'Done', 'istate.ABANDONED': 'Abandoned',
    'channel.VOICE': 'Voice', 'channel.EMAIL': 'Email', 'channel.CHAT': 'Chat', 'channel.FACEBOOK': 'Facebook',
    'channel.TWITTER': 'Twitter', 'channel.SMS': 'SMS', 'channel.WORKITEM': 'Workitem',
    'tab.channels': 'My Channels', 'top.dnd': 'Do Not Disturb', 'top.mixed': 'Mixed ({count} channels)',
    'top.mute': 'Mute the offer sound', 'top.unmute': 'Turn the offer sound on', 'top.soundOn': 'Sound on',
    'top.soundOff': 'Sound off',
    'channels.reasonHint': 'Not Ready uses the reason chosen in the top bar.',
    'tasks.title': 'Tasks', 'offers.label': '{channel} offer from {customer}',
    'workspace.title': 'Workspace', 'workspace.none': 'Select a task on the left, or wait for an offer.',
    'workspace.inState': 'In this state', 'workspace.since': 'Since arrival', 'workspace.actions': 'Actions',
    'workspace.earlier': 'Earlier interactions of this customer', 'workspace.noEarlier': 'None before this one.',
    'contact.phone': 'Phone', 'contact.email': 'Email', 'contact.social': 'Social', 'contact.none': 'No known addresses.',
    'contact.copied': 'Copied {address}.',
    'kpis.title': 'Queues, last hour', 'kpis.serviceLevel': 'Service level', 'kpis.asa': 'Avg. speed of answer',
    'kpis.aht': 'Avg. handle time', 'kpis.abandoned': 'Abandoned', 'kpis.agents': 'Agents',
    'kpis.within': 'within {seconds} s', 'kpis.chartsFor': 'Charts for', 'kpis.depth': 'Queue depth',
    'kpis.slChart': 'Service level (%)', 'kpis.agentsChart': 'Agents by state', 'kpis.noQueues': 'No queues yet.',
    'board.filterName': 'Name', 'board.filterState': 'State', 'board.filterQueue': 'Queue', 'board.any': 'Any',
    'board.prev': 'Previous', 'board.next': 'Next', 'board.count': '{first}–{last} of {total} agents',
    'board.noAgents': 'No agent matches.',
    'board.forceWrapUp': 'End for them', 'board.forceWrapUpTitle': 'End this work for a stuck agent: it goes to their wrap-up',
    'board.forceConfirm': 'End {name}\'s work in progress for them? It goes to their wrap-up.',
    'im.open': 'Messages', 'im.openUnread': 'Messages ({count} new)', 'im.title': 'Messages with colleagues',
    'im.notSaved': 'Messages are not saved anywhere: they last as long as this page.', 'im.reload': 'Reload',
    'im.close': 'Close', 'im.search': 'Search colleagues', 'im.nobody': 'No colleague matches.',
    'im.choose': 'Choose a colleague to write to.', 'im.message': 'Message to {name}', 'im.send': 'Send',
    'presence.AVAILABLE': 'Available', 'presence.BUSY': 'Busy', 'presence.NOT_READY': 'Not ready',
    'presence.OFFLINE': 'Offline',
  },
  'pt-BR': {
    'tab.desk': 'Minha mesa', 'tab.board': 'Supervisor', language: 'Idioma', signOut: 'Sair',
    reconnecting: 'Conexão perdida; reconectando…',
    'signIn.title': 'Entrar', 'signIn.tenant': 'Empresa', 'signIn.login': 'Usuário', 'signIn.password': 'Senha',
    'signIn.submit': 'Entrar',
    'channels.title': 'Meus canais', 'channels.allReady': 'Pronto em todos', 'channels.reason': 'Motivo',
    'channels.allNotReady': 'Não pronto em todos', 'channels.allLogin': 'Conectar todos',
    'channels.allLogoff': 'Desconectar todos',
    'channels.channel': 'Canal', 'channels.state': 'Estado', 'channels.time': 'Tempo no estado', 'channels.work': 'Trabalho',
    'channels.actions': 'Ações', 'channels.dnd': 'Não perturbe (todos os canais)',
    'channels.forwardTo': 'Encaminhar chamadas para', 'channels.forwardSet': 'Definir', 'channels.forwardClear': 'Limpar',
    'channels.forwarding': 'Chamadas encaminhadas para {extension}.', 'channels.notForwarding': 'Chamadas não encaminhadas.',
    'action.login': 'Conectar', 'action.ready': 'Pronto', 'action.notReady': 'Não pronto', 'action.logoff': 'Desconectar',
    'action.backToReady': 'Voltar a Pronto',
    'offers.title': 'Ofertas', 'offers.none': 'Nenhuma oferta.', 'offers.accept': 'Aceitar', 'offers.reject': 'Rejeitar',
    'offers.expires': 'Responda em {seconds} s',
    'work.title': 'Meu trabalho', 'work.none': 'Nada em atendimento.', 'work.end': 'Encerrar', 'work.done': 'Concluir…',
    'work.send': 'Enviar', 'work.message': 'Mensagem', 'work.park': 'Guardar em', 'work.personal': 'minha caixa',
    'work.team': 'caixa da equipe', 'work.acw': 'Pós-atendimento: faltam {time}',
    'work.acwUntilDone': 'Pós-atendimento até concluir', 'work.extend': 'Estender 30 s', 'work.wrapUp': 'Finalização',
    'work.customer': 'Cliente', 'work.from': 'De', 'work.to': 'Para', 'work.subject': 'Assunto',
    'work.attachments': 'Anexos', 'work.caller': 'Origem', 'work.dialled': 'Número discado', 'work.call': 'Chamada',
    'work.kind': 'Tipo', 'work.title2': 'Título', 'work.size': 'Tamanho', 'work.document': 'Documento',
    'work.account': 'Conta', 'work.handle': 'Usuário', 'work.you': 'Você', 'work.queue': 'Fila',
    'workbins.title': 'Caixas de trabalho', 'workbins.show': 'Mostrar', 'workbins.personal': 'Minha caixa',
    'workbins.team': 'Equipe: {name}', 'workbins.empty': 'Esta caixa está vazia.', 'workbins.pickUp': 'Retomar',
    'workbins.moveTo': 'Mover para', 'workbins.move': 'Mover',
    'board.agents': 'Agentes', 'board.agent': 'Agente', 'board.channels': 'Canais', 'board.work': 'Trabalho atual',
    'board.queues': 'Filas', 'board.queue': 'Fila', 'board.waiting': 'Em espera', 'board.oldest': 'Maior espera',
    'board.logOff': 'Desconectar', 'board.dnd': 'Não perturbe',
    'wrapup.title': 'Finalização', 'wrapup.code': 'Código de finalização',
    'wrapup.required': 'Esta fila exige um código de finalização.', 'wrapup.none': '— nenhum —',
    'wrapup.done': 'Concluir', cancel: 'Cancelar',
    'error.server': 'O servidor respondeu {status}.', 'error.network': 'Não foi possível falar com o servidor.',
    'state.READY': 'Pronto', 'state.NOT_READY': 'Não pronto', 'state.AFTER_CALL_WORK': 'Pós-atendimento',
    'state.RONA': 'RONA (não atendeu)', 'state.PENDING_NOT_READY': 'Não pronto pendente',
    'state.LOGGED_OUT': 'Desconectado',
    'istate.OFFERED': 'Oferecida', 'istate.ACTIVE': 'Em atendimento', 'istate.WRAP_UP': 'Finalização',
    'istate.PARKED': 'Guardada', 'istate.QUEUED': 'Em espera', 'istate.DONE': 'Concluída',
    'istate.ABANDONED': 'Abandonada',
    'channel.VOICE': 'Voz', 'channel.EMAIL': 'E-mail', 'channel.CHAT': 'Chat', 'channel.FACEBOOK': 'Facebook',
    'channel.TWITTER': 'Twitter', 'channel.SMS': 'SMS', 'channel.WORKITEM': 'Item de trabalho',
    'tab.channels': 'Meus canais', 'top.dnd': 'Não perturbe', 'top.mixed': 'Misto ({count} canais)',
    'top.mute': 'Silenciar o som das ofertas', 'top.unmute': 'Ligar o som das ofertas', 'top.soundOn': 'Som ligado',
    'top.soundOff': 'Som desligado',
    'channels.reasonHint': 'Não pronto usa o motivo escolhido na barra superior.',
    'tasks.title': 'Tarefas', 'offers.label': 'Oferta de {channel} de {customer}',
    'workspace.title': 'Área de trabalho', 'workspace.none': 'Escolha uma tarefa à esquerda ou aguarde uma oferta.',
    'workspace.inState': 'Neste estado', 'workspace.since': 'Desde a chegada', 'workspace.actions': 'Ações',
    'workspace.earlier': 'Interações anteriores deste cliente', 'workspace.noEarlier': 'Nenhuma antes desta.',
    'contact.phone': 'Telefone', 'contact.email': 'E-mail', 'contact.social': 'Rede social',
    'contact.none': 'Nenhum endereço conhecido.', 'contact.copied': '{address} copiado.',
    'kpis.title': 'Filas, última hora', 'kpis.serviceLevel': 'Nível de serviço', 'kpis.asa': 'Tempo médio de espera (TME)',
    'kpis.aht': 'Tempo médio de atendimento (TMA)', 'kpis.abandoned': 'Abandonadas', 'kpis.agents': 'Agentes',
    'kpis.within': 'em até {seconds} s', 'kpis.chartsFor': 'Gráficos de', 'kpis.depth': 'Clientes em espera',
    'kpis.slChart': 'Nível de serviço (%)', 'kpis.agentsChart': 'Agentes por estado', 'kpis.noQueues': 'Nenhuma fila ainda.',
    'board.filterName': 'Nome', 'board.filterState': 'Estado', 'board.filterQueue': 'Fila', 'board.any': 'Todos',
    'board.prev': 'Anterior', 'board.next': 'Próxima', 'board.count': '{first}–{last} de {total} agentes',
    'board.noAgents': 'Nenhum agente corresponde.',
    'board.forceWrapUp': 'Encerrar pelo agente',
    'board.forceWrapUpTitle': 'Encerrar este trabalho de um agente travado: vai para a finalização dele',
    'board.forceConfirm': 'Encerrar o atendimento em andamento de {name}? Ele vai para a finalização.',
    'im.open': 'Mensagens', 'im.openUnread': 'Mensagens ({count} nova(s))', 'im.title': 'Mensagens com colegas',
    'im.notSaved': 'As mensagens não são salvas em lugar nenhum: duram enquanto esta página estiver aberta.',
    'im.reload': 'Recarregar', 'im.close': 'Fechar', 'im.search': 'Buscar colegas',
    'im.nobody': 'Nenhum colega corresponde.', 'im.choose': 'Escolha um colega para escrever.',
    'im.message': 'Mensagem para {name}', 'im.send': 'Enviar',
    'presence.AVAILABLE': 'Disponível', 'presence.BUSY': 'Ocupado', 'presence.NOT_READY': 'Não pronto',
    'presence.OFFLINE': 'Desconectado',
  },
};

const STORAGE_KEY = 'switchboard.language';
function browserLanguage() {
  const preferred = (navigator.languages || [navigator.language]).map((l) => (l || '').toLowerCase())
    .find((l) => l.startsWith('pt') || l.startsWith('en'));
  return preferred?.startsWith('pt') ? 'pt-BR' : 'en';
}

let language = localStorage.getItem(STORAGE_KEY) || browserLanguage();
if (!messages[language]) language = 'en';

export function t(key, values = {}) {
  const text = messages[language][key] ?? messages.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}

export function currentLanguage() {
  return language;
}

/** Applies the language to every static label; dynamic parts re-render through the callback. */
export function setLanguage(next, rerender) {
  language = messages[next] ? next : 'en';
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  document.querySelectorAll('[data-i18n]').forEach((element) => {
    element.textContent = t(element.dataset.i18n);
  });
  rerender?.();
}
