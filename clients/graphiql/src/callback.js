import { completeSignIn } from './auth.js';

const message = document.getElementById('message');
completeSignIn(window.location.search).then(
  () => window.location.replace('/graphql'),
  (error) => {
    message.textContent = `Sign-in failed: ${error.message}`;
  },
);
