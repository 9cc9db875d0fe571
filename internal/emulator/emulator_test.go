package emulator

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
)

func TestStartServesTheCognitoAPI(t *testing.T) {
	s := Start(t)
	c := s.Client(t)
	ctx := context.Background()
	out, err := c.CreateUserPool(ctx, &cip.CreateUserPoolInput{PoolName: aws.String("probe")})
	if err != nil {
		t.Fatalf("CreateUserPool: %v\n%s", err, s.Log())
	}
	got, err := c.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: out.UserPool.Id})
	if err != nil {
		t.Fatalf("DescribeUserPool: %v", err)
	}
	if aws.ToString(got.UserPool.Name) != "probe" {
		t.Fatalf("pool name = %q, want probe", aws.ToString(got.UserPool.Name))
	}
	if len(got.UserPool.UsernameAttributes) != 0 {
		t.Fatalf("config override not applied: UsernameAttributes = %v", got.UserPool.UsernameAttributes)
	}
}
