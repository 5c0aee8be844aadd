// Conferences (CO2): a colleague consulted about a live chat or call, once invited, joins it next to the agent
// handling it, and both write to the customer, each under the name the customer sees. Joining starts from the
// consultation (consult.js); this holds what the workspace and the notices need: who is in the conversation, the
// party list drawn in the workspace, and the words telling each party what happened. The server decides who is in
// it; this only shows it.
import { escape } from './api.js';
import { t } from './i18n.js';

/** Colleagues in conference with the interaction's holder (none for most work). */
export const conferenceOf = (i) => (Array.isArray(i?.conference) ? i.conference : []);

/** A conversation others are in with its holder: it is not transferred then, only left to them. */
export const inConference = (i) => conferenceOf(i).length > 0;

/**
 * Who is in the conversation, for the workspace while a conference lasts: the agent handling it, the colleagues who
 * joined (in the order they joined: the first one takes it over if the holder leaves) and the customer, with a
 * marker on my own line.
 */
export function partyList(i, { me, names, customer }) {
  if (!inConference(i)) return '';
  const id = escape(i.interactionId);
  const agent = (agentId, role) => `<li data-party="${escape(agentId)}" data-role="${role}">
      <b>${escape(names.of(agentId))}</b>${agentId === me ? ` <span class="you">${t('conference.you')}</span>` : ''}
      <span class="role">${t('conference.role.' + role)}</span></li>`;
  return `<section class="parties" aria-labelledby="parties-${id}">
      <h4 id="parties-${id}">${t('conference.parties')}</h4>
      <ul data-parties>${agent(i.agentId, 'HOLDER')}${conferenceOf(i).map((a) => agent(a, 'CONFERENCED')).join('')}
        <li data-role="CUSTOMER"><b>${escape(customer || i.customerAddress)}</b>
          <span class="role">${t('conference.role.CUSTOMER')}</span></li></ul>
    </section>`;
}

/**
 * What to tell me about a conference event, or null. The holder and the colleagues still in it hear who joined or
 * left; a colleague whose conversation ended (the holder ended it, the customer left) is told, since their task just
 * vanishes — but not when they left it themselves (the event then leaves it active); on a hand-over the new holder
 * and the former one each hear their part. A supervisor sees every event and is told nothing here.
 */
export async function conferenceNotice(event, me, names) {
  const inIt = event.agentId === me || (event.conference || []).includes(me);
  switch (event.cause) {
    case 'CONFERENCE_JOINED':
      if (event.counterpartId === me || !inIt) return null;
      await names.learn([event.counterpartId]);
      return t('conference.noticeJoined', { name: names.of(event.counterpartId) });
    case 'CONFERENCE_LEFT':
      if (event.counterpartId === me) {
        return event.to === 'ACTIVE' ? null : t('conference.noticeEnded',
          { channel: t('channel.' + event.channel), customer: event.customerAddress || '' });
      }
      // the conversation ending takes every colleague out: the one who ended it needs no list of them
      if (event.to !== 'ACTIVE' || !inIt) return null;
      await names.learn([event.counterpartId]);
      return t('conference.noticeLeft', { name: names.of(event.counterpartId) });
    case 'CONFERENCE_HANDED_OVER':
      if (!inIt && event.formerAgentId !== me) return null;
      await names.learn([event.agentId, event.formerAgentId]);
      if (event.agentId === me) return t('conference.noticeToMe', { name: names.of(event.formerAgentId) });
      if (event.formerAgentId === me) return t('conference.noticeByMe', { name: names.of(event.agentId) });
      return t('conference.noticeHandedOver', { former: names.of(event.formerAgentId), name: names.of(event.agentId) });
    default:
      return null;
  }
}
