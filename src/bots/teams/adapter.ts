// botbuilder's CloudAdapter, with authentication done apart from the turn: a bad token is told from a failing turn,
// so it gets a short 401 instead of a 500 carrying the library's text.
import { CloudAdapter, type Activity, type ConfigurationBotFrameworkAuthentication, type InvokeResponse, type TurnContext } from 'botbuilder';

type AuthResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

export class CkexAdapter extends CloudAdapter {
  constructor(private readonly auth: ConfigurationBotFrameworkAuthentication) {
    super(auth);
  }

  /** Checks the caller's token (Bot Framework JWT) for this activity; throws when it is missing, forged or expired. */
  authenticate(activity: Activity, authHeader: string): Promise<AuthResult> {
    return this.auth.authenticateRequest(activity, authHeader);
  }

  /** Runs the turn for an activity already authenticated. */
  runTurn(auth: AuthResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}
