// Add user to group: puts every user who confirms their sign-up into the
// group named by GROUP (cogwiz sets it from the capability's group).
//
// The AWS SDK for JavaScript v3 is part of the Lambda Node.js runtime, so
// this function bundles no dependencies.
// https://docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html
import {
  AdminAddUserToGroupCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';

// Created once per container and reused by every invocation it serves.
const cognito = new CognitoIdentityProviderClient({});

export const handler = async (event) => {
  // Cognito also calls this trigger after a forgotten password is reset
  // (PostConfirmation_ConfirmForgotPassword). Only a new sign-up joins the
  // group, so a user an administrator took out of it stays out.
  // https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-post-confirmation.html
  if (event.triggerSource !== 'PostConfirmation_ConfirmSignUp') {
    return event;
  }
  const group = { GroupName: process.env.GROUP, UserPoolId: event.userPoolId };
  const addUser = () => cognito.send(new AdminAddUserToGroupCommand({ ...group, Username: event.userName }));
  try {
    await addUser();
  } catch (err) {
    if (err.name !== 'ResourceNotFoundException') {
      throw err;
    }
    // The group does not exist yet: cogwiz creates the groups declared under
    // user_pool.groups, and this one is not declared. Create it and try
    // again, as Amplify's template did.
    await cognito.send(new CreateGroupCommand(group)).catch((e) => {
      if (e.name !== 'GroupExistsException') throw e; // created meanwhile by another sign-up
    });
    await addUser();
  }
  return event;
};
