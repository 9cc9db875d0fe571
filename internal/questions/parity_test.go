package questions_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/questions"
	questionfiles "github.com/cogwiz/cogwiz/questions"
)

// amplifyPrompts is the oracle: every prompt amplify add auth / update auth
// can show, read from amplify-cli at 70049be04b: the 60 inputs of
// packages/amplify-category-auth/src/provider-utils/supported-services.ts
// (in file order; newCallbackURLs, newLogoutURLs and authProvidersUserPool
// each appear twice there, the second time as the update variant), the
// group, admin-group and add-another prompts of
// service-walkthroughs/auth-questions.ts, the URL iterator, the prompts of
// packages/amplify-cli/src/extensions/amplify-helpers/trigger-flow.ts, and
// the env questions of the trigger map files.
var amplifyPrompts = []string{
	// supported-services.ts
	"useDefault", "updateFlow", "authSelections", "resourceName", "identityPoolName", "allowUnauthenticatedIdentities",
	"thirdPartyAuth", "authProviders", "facebookAppId", "googleClientId", "googleIos", "googleAndroid", "amazonAppId",
	"appleAppId", "userPoolName", "usernameAttributes", "aliasAttributes", "userPoolGroups", "adminQueries",
	"additionalQuestions", "mfaConfiguration", "mfaTypes", "smsAuthenticationMessage", "autoVerifiedAttributes",
	"emailVerificationSubject", "emailVerificationMessage", "smsVerificationMessage", "defaultPasswordPolicy",
	"passwordPolicyMinLength", "passwordPolicyCharacters", "requiredAttributes", "userpoolClientRefreshTokenValidity",
	"userpoolClientSetAttributes", "userpoolClientReadAttributes", "userpoolClientWriteAttributes", "triggers", "hostedUI",
	"hostedUIDomainName", "newCallbackURLs", "EditURLS", "addCallbackOnUpdate", "newCallbackURLsOnUpdate", "newLogoutURLs",
	"editLogoutURLs", "addLogoutOnUpdate", "newLogoutURLsOnUpdate", "AllowedOAuthFlows", "AllowedOAuthScopes",
	"authProvidersUserPool", "authProvidersUserPoolOnUpdate", "facebookAppIdUserPool", "facebookAppSecretUserPool",
	"googleAppIdUserPool", "googleAppSecretUserPool", "loginwithamazonAppIdUserPool", "loginwithamazonAppSecretUserPool",
	"signinwithappleClientIdUserPool", "signinwithappleTeamIdUserPool", "signinwithappleKeyIdUserPool",
	"signinwithapplePrivateKeyUserPool",
	// auth-questions.ts: groups, admin queries, add-another loops, the URL iterator
	"groups2BeDeleted", "userPoolGroupName", "addAnotherGroup", "sortUserPools", "adminRestrict", "adminGroup",
	"adminCustomGroup", "addAnotherSigninURI", "addAnotherSignoutURI", "updateURL",
	// trigger-flow.ts
	"configureTriggers", "whichTriggers", "triggerModules", "editFunction",
	// trigger map files: env questions
	"RECAPTCHASECRET", "REDIRECTURL", "EMAILSUBJECT", "EMAILMESSAGE", "GROUP", "DOMAINDENYLIST", "DOMAINALLOWLIST",
}

func parity(t *testing.T) *questions.ParityTable {
	t.Helper()
	p, err := questions.LoadParity(questionfiles.FS, load(t))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// normText compares prompts the way a reader does: without the trailing
// colon or period and the spacing.
func normText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimRight(s, ":. ")
}

// parityProblems lists what the table fails to say: a prompt without a
// question and without a reason, a wording or default that differs
// without a reason, a differing default the question does not show, and
// a question that is neither Amplify's nor explained as beyond it.
func parityProblems(g *questions.Graph, p *questions.ParityTable) []string {
	var out []string
	covered := map[string]bool{}
	for _, r := range p.Prompts {
		for _, id := range r.Ours {
			covered[id] = true
		}
		if len(r.Ours) == 0 {
			if r.Differs == "" {
				out = append(out, fmt.Sprintf("%s: no question asks it and no reason is given", r.ID))
			}
			continue
		}
		q, _ := g.Lookup(r.Ours[0])
		// A loop's "add another" prompt is the question's Another.
		worded := normText(r.Text) == normText(q.Prompt) || q.Another != "" && normText(r.Text) == normText(q.Another)
		if !strings.Contains(r.Text, "<") && !worded && r.Differs == "" {
			out = append(out, fmt.Sprintf("%s: worded %q here, %q in Amplify, without a reason", r.ID, q.Prompt, r.Text))
		}
		if r.DefaultOurs == nil {
			continue
		}
		if !questions.SameAnswer(r.DefaultOurs, q.Default) {
			if r.Differs == "" {
				out = append(out, fmt.Sprintf("%s: default %v here, %v in Amplify, without a reason", r.ID, q.Default, r.DefaultOurs))
			}
			if p.AmplifyDefault(q) == "" {
				out = append(out, fmt.Sprintf("%s: question %s does not show Amplify's default", r.ID, q.ID))
			}
		}
	}
	for _, q := range g.Questions {
		if !covered[q.ID] && strings.TrimSpace(p.Beyond[q.ID]) == "" {
			out = append(out, fmt.Sprintf("question %s stands for no Amplify prompt and beyond gives no reason", q.ID))
		}
	}
	return out
}

func TestEveryAmplifyPromptHasARow(t *testing.T) {
	p := parity(t)
	var ids []string
	for _, r := range p.Prompts {
		ids = append(ids, r.ID)
	}
	for _, id := range amplifyPrompts {
		if !slices.Contains(ids, id) {
			t.Errorf("Amplify prompt %s has no row in questions/%s", id, questions.ParityFile)
		}
	}
	for _, id := range ids {
		if !slices.Contains(amplifyPrompts, id) {
			t.Errorf("row %s is not one of Amplify's prompts", id)
		}
	}
	if len(amplifyPrompts) != 81 || len(ids) != len(amplifyPrompts) {
		t.Errorf("%d rows for %d of Amplify's prompts (81 expected)", len(ids), len(amplifyPrompts))
	}
}

func TestEveryDifferenceHasAReason(t *testing.T) {
	for _, problem := range parityProblems(load(t), parity(t)) {
		t.Error(problem)
	}
}

// TestParityCheckCatchesGaps keeps the check honest: a row that loses its
// reason, its question, or a question that loses its place is reported.
func TestParityCheckCatchesGaps(t *testing.T) {
	g := load(t)
	cases := map[string]func(p *questions.ParityTable){
		"reason dropped from a differing default": func(p *questions.ParityTable) {
			for i := range p.Prompts {
				if p.Prompts[i].ID == "userPoolGroups" {
					p.Prompts[i].Differs = ""
				}
			}
		},
		"question dropped from a row": func(p *questions.ParityTable) {
			for i := range p.Prompts {
				if p.Prompts[i].ID == "groups2BeDeleted" {
					p.Prompts[i].Ours = nil
				}
			}
		},
		"beyond reason dropped": func(p *questions.ParityTable) { delete(p.Beyond, "deletion_protection") },
	}
	for name, spoil := range cases {
		p := parity(t)
		spoil(p)
		if len(parityProblems(g, p)) == 0 {
			t.Errorf("%s: not reported", name)
		}
	}
}
