// npm start. Until the Slack and Teams server lands, start the console surface.
import './bots/console/main.js';
