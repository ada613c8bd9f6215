"""Request middleware of the UI shell."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control


class PrivateCacheMiddleware:
    """No browser or proxy keeps a copy of anything the application sends: every response it
    builds says `Cache-Control: private, no-store` (a return, a list of staff, a token shown
    once, a letter, a private file; the sign-in page too, which costs nothing).

    Placed right after WhiteNoise in MIDDLEWARE: WhiteNoise answers static files itself,
    before this middleware, so they keep their long cache. Applied to every response rather
    than to signed-in people's only: telling whether someone is signed in would cost the
    public pages a session query, and a public page loses nothing by not being stored.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        patch_cache_control(response, private=True, no_store=True)
        return response


class FrenchFirstLocaleMiddleware(LocaleMiddleware):
    """French unless the person chose English with the language switch.

    Django's own middleware follows the browser's Accept-Language, which would show English
    to every staff member whose browser was installed in English. The Office's language is
    French; English is an explicit choice, remembered in the language cookie.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
