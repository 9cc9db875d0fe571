package cognito

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cogwiz/cogwiz/internal/config"
)

// clientFromLive copies every member UpdateUserPoolClient takes from a
// described client. Like UpdateUserPool it resets what it is not sent
// (callback URLs, identity providers, ...), so updates start from here.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolClient.html
func clientFromLive(c *types.UserPoolClientType) *cip.UpdateUserPoolClientInput {
	return &cip.UpdateUserPoolClientInput{
		ClientId:                                 c.ClientId,
		UserPoolId:                               c.UserPoolId,
		ClientName:                               c.ClientName,
		AccessTokenValidity:                      c.AccessTokenValidity,
		IdTokenValidity:                          c.IdTokenValidity,
		RefreshTokenValidity:                     c.RefreshTokenValidity,
		TokenValidityUnits:                       c.TokenValidityUnits,
		AllowedOAuthFlows:                        c.AllowedOAuthFlows,
		AllowedOAuthFlowsUserPoolClient:          aws.ToBool(c.AllowedOAuthFlowsUserPoolClient),
		AllowedOAuthScopes:                       c.AllowedOAuthScopes,
		AnalyticsConfiguration:                   c.AnalyticsConfiguration,
		AuthSessionValidity:                      c.AuthSessionValidity,
		CallbackURLs:                             c.CallbackURLs,
		DefaultRedirectURI:                       c.DefaultRedirectURI,
		EnablePropagateAdditionalUserContextData: c.EnablePropagateAdditionalUserContextData,
		EnableTokenRevocation:                    c.EnableTokenRevocation,
		ExplicitAuthFlows:                        c.ExplicitAuthFlows,
		LogoutURLs:                               c.LogoutURLs,
		PreventUserExistenceErrors:               c.PreventUserExistenceErrors,
		ReadAttributes:                           c.ReadAttributes,
		RefreshTokenRotation:                     c.RefreshTokenRotation,
		SupportedIdentityProviders:               c.SupportedIdentityProviders,
		WriteAttributes:                          c.WriteAttributes,
	}
}

// overlayClient writes what the file sets for the client over in. Keys of
// the oauth block the file leaves out keep their live value; rm names
// those written empty (oauth.logout_urls).
func overlayClient(in *cip.UpdateUserPoolClientInput, c *config.AppClient, rm Removals) {
	in.ClientName = aws.String(c.Name)
	if tv := c.TokenValidity; tv != nil {
		// Units go only with the values they measure: a unit sent without
		// its value would change what Cognito's default means.
		units := copyOf(in.TokenValidityUnits)
		if !tv.Access.IsZero() {
			in.AccessTokenValidity = aws.Int32(int32(tv.Access.Value))
			units.AccessToken = types.TimeUnitsType(tv.Access.UnitName())
		}
		if !tv.ID.IsZero() {
			in.IdTokenValidity = aws.Int32(int32(tv.ID.Value))
			units.IdToken = types.TimeUnitsType(tv.ID.UnitName())
		}
		if !tv.Refresh.IsZero() {
			in.RefreshTokenValidity = int32(tv.Refresh.Value)
			units.RefreshToken = types.TimeUnitsType(tv.Refresh.UnitName())
		}
		in.TokenValidityUnits = units
	}
	if c.AuthFlows != nil {
		in.ExplicitAuthFlows = nil
		for _, f := range c.AuthFlows {
			in.ExplicitAuthFlows = append(in.ExplicitAuthFlows, types.ExplicitAuthFlowsType(f))
		}
	}
	if len(c.ReadAttributes) > 0 {
		in.ReadAttributes = c.ReadAttributes
	}
	if len(c.WriteAttributes) > 0 {
		in.WriteAttributes = c.WriteAttributes
	}
	if o := c.OAuth; o != nil {
		in.AllowedOAuthFlowsUserPoolClient = true
		in.AllowedOAuthFlows = nil
		for _, f := range o.Flows {
			in.AllowedOAuthFlows = append(in.AllowedOAuthFlows, types.OAuthFlowType(f))
		}
		in.AllowedOAuthScopes = o.Scopes
		rm.list(&in.CallbackURLs, o.CallbackURLs, "oauth.callback_urls")
		rm.list(&in.LogoutURLs, o.LogoutURLs, "oauth.logout_urls")
		rm.set(&in.DefaultRedirectURI, o.DefaultRedirectURI, "oauth.default_redirect_uri")
		rm.list(&in.SupportedIdentityProviders, o.IdentityProviders, "oauth.identity_providers")
	} else {
		// No oauth block: no OAuth flows and no hosted UI for this client.
		in.AllowedOAuthFlowsUserPoolClient = false
		in.AllowedOAuthFlows = nil
		in.AllowedOAuthScopes = nil
		in.CallbackURLs = nil
		in.LogoutURLs = nil
		in.DefaultRedirectURI = nil
	}
	if c.PreventUserExistenceErrors != nil {
		in.PreventUserExistenceErrors = types.PreventUserExistenceErrorTypesLegacy
		if *c.PreventUserExistenceErrors {
			in.PreventUserExistenceErrors = types.PreventUserExistenceErrorTypesEnabled
		}
	}
	if c.EnableTokenRevocation != nil {
		in.EnableTokenRevocation = aws.Bool(*c.EnableTokenRevocation)
	}
}

// ExpandCreateUserPoolClient builds the CreateUserPoolClient request.
func ExpandCreateUserPoolClient(poolID string, c *config.AppClient) *cip.CreateUserPoolClientInput {
	u := &cip.UpdateUserPoolClientInput{}
	overlayClient(u, c, nil)
	return &cip.CreateUserPoolClientInput{
		UserPoolId:                      aws.String(poolID),
		ClientName:                      u.ClientName,
		GenerateSecret:                  c.GenerateSecret,
		AccessTokenValidity:             u.AccessTokenValidity,
		IdTokenValidity:                 u.IdTokenValidity,
		RefreshTokenValidity:            u.RefreshTokenValidity,
		TokenValidityUnits:              u.TokenValidityUnits,
		ExplicitAuthFlows:               u.ExplicitAuthFlows,
		ReadAttributes:                  u.ReadAttributes,
		WriteAttributes:                 u.WriteAttributes,
		AllowedOAuthFlowsUserPoolClient: u.AllowedOAuthFlowsUserPoolClient,
		AllowedOAuthFlows:               u.AllowedOAuthFlows,
		AllowedOAuthScopes:              u.AllowedOAuthScopes,
		CallbackURLs:                    u.CallbackURLs,
		LogoutURLs:                      u.LogoutURLs,
		DefaultRedirectURI:              u.DefaultRedirectURI,
		SupportedIdentityProviders:      u.SupportedIdentityProviders,
		PreventUserExistenceErrors:      u.PreventUserExistenceErrors,
		EnableTokenRevocation:           u.EnableTokenRevocation,
	}
}

// CreateClient creates an app client and returns its id. The secret
// Cognito generates is never read here.
func CreateClient(ctx context.Context, api API, poolID string, c *config.AppClient) (string, error) {
	out, err := api.CreateUserPoolClient(ctx, ExpandCreateUserPoolClient(poolID, c), sendOnce)
	if err != nil {
		return "", fmt.Errorf("creating app client %s: %w", c.Name, err)
	}
	return aws.ToString(out.UserPoolClient.ClientId), nil
}

// UpdateClient changes a client in place by read-modify-write.
func UpdateClient(ctx context.Context, api API, poolID, clientID string, c *config.AppClient, rm Removals) error {
	out, err := api.DescribeUserPoolClient(ctx, &cip.DescribeUserPoolClientInput{UserPoolId: aws.String(poolID), ClientId: aws.String(clientID)})
	if err != nil {
		return fmt.Errorf("reading app client %s: %w", c.Name, err)
	}
	in := clientFromLive(out.UserPoolClient)
	overlayClient(in, c, rm)
	if _, err := api.UpdateUserPoolClient(ctx, in); err != nil {
		return fmt.Errorf("updating app client %s: %w", c.Name, err)
	}
	return nil
}

// DeleteClient deletes an app client.
func DeleteClient(ctx context.Context, api API, poolID, clientID, name string) error {
	if _, err := api.DeleteUserPoolClient(ctx, &cip.DeleteUserPoolClientInput{UserPoolId: aws.String(poolID), ClientId: aws.String(clientID)}); err != nil && !IsNotFound(err) {
		return fmt.Errorf("deleting app client %s: %w", name, err)
	}
	return nil
}

// flattenClient turns a described client into the model. The client
// secret is never copied: the model only says whether there is one.
func flattenClient(c *types.UserPoolClientType) config.AppClient {
	out := config.AppClient{
		Name:           aws.ToString(c.ClientName),
		ID:             aws.ToString(c.ClientId),
		GenerateSecret: aws.ToString(c.ClientSecret) != "",
	}
	// Token validity is compared in seconds, so the unit read back does not
	// matter; Cognito's default units are hours, hours, days.
	units := types.TokenValidityUnitsType{AccessToken: types.TimeUnitsTypeHours, IdToken: types.TimeUnitsTypeHours, RefreshToken: types.TimeUnitsTypeDays}
	if u := c.TokenValidityUnits; u != nil {
		if u.AccessToken != "" {
			units.AccessToken = u.AccessToken
		}
		if u.IdToken != "" {
			units.IdToken = u.IdToken
		}
		if u.RefreshToken != "" {
			units.RefreshToken = u.RefreshToken
		}
	}
	tv := &config.TokenValidity{}
	if c.AccessTokenValidity != nil {
		tv.Access = config.DurationFromUnit(int(*c.AccessTokenValidity), string(units.AccessToken))
	}
	if c.IdTokenValidity != nil {
		tv.ID = config.DurationFromUnit(int(*c.IdTokenValidity), string(units.IdToken))
	}
	if c.RefreshTokenValidity != 0 {
		tv.Refresh = config.DurationFromUnit(int(c.RefreshTokenValidity), string(units.RefreshToken))
	}
	if !tv.Access.IsZero() || !tv.ID.IsZero() || !tv.Refresh.IsZero() {
		out.TokenValidity = tv
	}
	for _, f := range c.ExplicitAuthFlows {
		out.AuthFlows = append(out.AuthFlows, string(f))
	}
	out.ReadAttributes = c.ReadAttributes
	out.WriteAttributes = c.WriteAttributes
	if aws.ToBool(c.AllowedOAuthFlowsUserPoolClient) || len(c.AllowedOAuthFlows) > 0 {
		o := &config.OAuth{
			Scopes:             c.AllowedOAuthScopes,
			CallbackURLs:       c.CallbackURLs,
			LogoutURLs:         c.LogoutURLs,
			DefaultRedirectURI: aws.ToString(c.DefaultRedirectURI),
			IdentityProviders:  c.SupportedIdentityProviders,
		}
		for _, f := range c.AllowedOAuthFlows {
			o.Flows = append(o.Flows, string(f))
		}
		out.OAuth = o
	}
	switch c.PreventUserExistenceErrors {
	case types.PreventUserExistenceErrorTypesEnabled:
		out.PreventUserExistenceErrors = config.Bool(true)
	case types.PreventUserExistenceErrorTypesLegacy:
		out.PreventUserExistenceErrors = config.Bool(false)
	}
	if c.EnableTokenRevocation != nil {
		out.EnableTokenRevocation = config.Bool(*c.EnableTokenRevocation)
	}
	return out
}
