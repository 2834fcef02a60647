package io.stageline.modules.forms;

import io.stageline.api.RequestContext;
import io.stageline.api.RequestHandler;
import io.stageline.api.StatusException;

/**
 * The handler of the forms login POST ({@code loginUrl}) and of the logout ({@code logoutUrl}): checks the credentials
 * and issues the ticket cookie, or removes it. It works with the FormsAuthentication module that ran for the request,
 * so its mappings must be managed handlers (they are: {@code type:} mappings), which also makes FormsAuthentication run
 * for them under its {@code managedHandler} precondition.
 */
public final class FormsAuthenticationHandler implements RequestHandler {
    @Override
    public void handle(RequestContext ctx) throws Exception {
        FormsAuthenticationModule forms = ctx.item(FormsAuthenticationModule.ACTIVE);
        if (forms == null) {
            throw new StatusException(404, 0, "FormsAuthentication is not enabled for this request");
        }
        forms.answer(ctx);
    }
}
