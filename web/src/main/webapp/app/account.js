// The user's own account: a refused sign-in or password change said in words, and "Change password" from the top
// bar, a dialog asking for the current password and the new one twice. The server decides (the current password is
// checked like a sign-in, throttled too); here a new password and its confirmation that differ, or one of the wrong
// length, are said at once. A change answers with a fresh session: every token issued before, this page's too, stops
// working, so the page takes the new ones (api.js), keeps them and reconnects its socket with them (desktop.js).
import { renewSession } from './api.js';
import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);
const [MIN_PASSWORD, MAX_PASSWORD] = [8, 200];
// the field a refusal is about takes the keyboard, to be corrected there
const FIELD_OF = { 'wrong-current-password': 'password-current', 'weak-password': 'password-new' };

/** The stable code of a refusal: the last part of its problem type ("/problems/sign-in-locked"). */
const codeOf = (error) => String(error?.type || '').split('/').pop();

/**
 * A refusal in the user's language: the form's own sentence for the code (signIn, password), or the account's, with
 * the wait the server asked for; else (a code this page does not know, the network) the words the error came with.
 */
export function inWords(error, form) {
  const code = codeOf(error);
  const seconds = error?.retryAfter;
  const values = { seconds, minutes: Math.ceil(seconds / 60) };
  const keys = [`${form}.problem.${code}`, `account.problem.${code}${seconds === 1 ? '.one' : ''}`,
    `account.problem.${code}`];
  const key = code && keys.find((one) => t(one) !== one);
  // a wait the answer did not give in seconds is said in the server's words, which name it
  if (!key || (/\{(seconds|minutes)\}/.test(t(key)) && !seconds)) return error.message;
  return t(key, values);
}

export class PasswordDialog {
  constructor({ onError, notice }) {
    this.onError = onError;   // a refusal that comes back after the dialog was closed goes to the page's line
    this.notice = notice;     // and so does a change done after it was closed, on the page's notice line
    this.saving = false;
    $('change-password').onclick = () => this.open();
    $('password-close').onclick = () => this.close();
    $('password-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
    $('password').addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      this.close();
    });
    $('password').addEventListener('close', () => $('change-password').focus());
  }

  isOpen() {
    return $('password').open;
  }

  /** Empty fields each time: a password typed before is never kept. */
  open() {
    if (this.isOpen()) return;
    this.clear();
    this.say(null);
    this.render();
    $('password').showModal();
    $('password-current').focus();
  }

  close() {
    if (this.isOpen()) $('password').close();
  }

  reset() {
    this.close();
    this.clear();
  }

  clear() {
    for (const id of ['password-current', 'password-new', 'password-confirm']) $(id).value = '';
  }

  /** What became of the last try, in words: a refusal, or the change done. */
  say(text, refused = false) {
    $('password-status').textContent = text || '';
    $('password-status').hidden = !text;
    $('password-status').classList.toggle('refused', refused);
  }

  render() {
    $('password-save').disabled = this.saving;
  }

  /** Says in words what is missing or wrong, before asking; the field it is about takes the keyboard. */
  complete() {
    const [current, next, again] = ['password-current', 'password-new', 'password-confirm'].map((id) => $(id).value);
    const wrong = !current ? ['password-current', t('password.currentMissing')]
      : next.length < MIN_PASSWORD || next.length > MAX_PASSWORD ? ['password-new', t('account.problem.weak-password')]
        : next !== again ? ['password-confirm', t('password.mismatch')] : null;
    if (!wrong) return true;
    this.say(wrong[1], true);
    $(wrong[0]).focus();
    return false;
  }

  /**
   * Asks the server. Done: the page goes on with the fresh session, the fields are emptied and the change is said
   * (in the dialog, or on the page if it was closed meanwhile). Refused: said in words, the field it is about focused.
   */
  async save() {
    if (this.saving || !this.complete()) return;
    this.saving = true;
    this.render();
    this.say(t('password.saving'));
    try {
      await renewSession('PUT', '/auth/password',
        { currentPassword: $('password-current').value, newPassword: $('password-new').value });
      this.clear();
      if (!this.isOpen()) {
        this.notice(t('password.changed'));
        return;
      }
      this.say(t('password.changed'));
      $('password-close').focus();
    } catch (error) {
      if (!this.isOpen()) {
        this.onError(new Error(inWords(error, 'password')));
        return;
      }
      this.say(inWords(error, 'password'), true);
      $(FIELD_OF[codeOf(error)] || 'password-current').focus();
    } finally {
      this.saving = false;
      this.render();
    }
  }
}
